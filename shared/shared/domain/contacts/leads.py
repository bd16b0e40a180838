"""A new lead: a person who came to the account by themselves (a call, a text, a lead ad, a
live chat, a form) rather than one typed in or imported. The account's members hear of it
(`new_lead`, by email and push), each unless they turned it off; a caller may name the users
who hear of it instead (a form's recipients)."""

from collections.abc import Iterable

from beanie import PydanticObjectId

from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.contact import Contact


async def announce_new_lead(
    contact: Contact,
    *,
    source: str | None = None,
    user_ids: Iterable[PydanticObjectId | str] = (),
    key: str | None = None,
) -> None:
    """Told to `user_ids` (every member of the account when none), once per `key` (the
    touch's: the contact's by default); `source` says where the lead came from (the contact's
    source by default)."""
    await tell(
        "new_lead",
        contact.account_id,
        {"lead_name": contact.display_name, "source": source or contact.source or ""},
        user_ids=user_ids,
        links={"lead_url": dashboard_paths.contact(contact.id)},
        key=key or str(contact.id),
    )
