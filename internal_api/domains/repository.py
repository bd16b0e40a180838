"""Every query of the custom domains module: the account's domains."""

from beanie import PydanticObjectId

from shared.models.custom_domain import CustomDomain
from shared.utilities.repository import TenantRepository


class DomainRepository(TenantRepository[CustomDomain]):
    noun = "Custom domain"
    sortable = frozenset({"created_at", "updated_at", "hostname"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CustomDomain, account_id)
