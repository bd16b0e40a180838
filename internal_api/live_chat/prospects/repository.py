"""An account's prospects."""

from beanie import PydanticObjectId

from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.repository import TenantRepository


class Prospects(TenantRepository[ConversationProspect]):
    noun = "Prospect"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ConversationProspect, account_id)
