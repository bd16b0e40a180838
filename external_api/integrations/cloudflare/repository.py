"""Every query of the Cloudflare integration: an account's custom domains."""

from beanie import PydanticObjectId

from shared.models.custom_domain import CustomDomain
from shared.utilities.repository import TenantRepository


class DomainRepository(TenantRepository[CustomDomain]):
    noun = "Custom domain"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CustomDomain, account_id)
