"""A list's unsubscribe (or a cleaned address) applied on the platform: the member kept as
unsubscribed, so the sync never sends it again, and every contact of the account holding the
address marked as opted out of marketing email, through the contacts' one write path."""

from beanie import PydanticObjectId

from shared.domain.contacts.writing import platform_author, update_contact
from shared.domain.email_lists.repository import ListSyncRepository, MemberRepository
from shared.models.email_list_sync import MemberStatus
from shared.utilities.settings import ServiceSettings


async def unsubscribed(
    account_id: str, provider: str, list_id: str, email: str, settings: ServiceSettings
) -> int:
    """How many contacts were opted out (none when the list is not synced here)."""
    sync = await ListSyncRepository(account_id, provider).of_list(list_id)
    if sync is None:
        return 0
    email = email.strip().lower()
    members = MemberRepository(sync)
    known = (await members.by_email([email])).get(email)
    await members.keep(email, MemberStatus.UNSUBSCRIBED, known.fields_hash if known else "")
    author = await platform_author(PydanticObjectId(account_id), settings)
    contacts = await author.contacts.holding_emails([email])
    for contact in contacts:
        await update_contact(author, contact, {"email_opt_out": True})
    return len(contacts)
