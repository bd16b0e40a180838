"""An account's prospects, and the live contact holding an email."""

from beanie import PydanticObjectId

from shared.models.contact import Contact
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.repository import TenantRepository


class Prospects(TenantRepository[ConversationProspect]):
    noun = "Prospect"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ConversationProspect, account_id)


async def live_holder(account_id: str | PydanticObjectId, email: str) -> Contact | None:
    """The account's contact, not deleted, holding the email."""
    return await TenantRepository(Contact, account_id).find_one(
        {"emails": email, "deleted_at": None}
    )
