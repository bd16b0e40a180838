"""Every query of LeadFinder: an account's searches."""

from beanie import PydanticObjectId

from shared.models.lead_search import LeadSearch
from shared.utilities.repository import TenantRepository


class LeadSearchRepository(TenantRepository[LeadSearch]):
    noun = "Lead search"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(LeadSearch, account_id)
