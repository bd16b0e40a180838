"""Every query of the account's Duda sites."""

from shared.models.duda_site import DudaSite
from shared.utilities.repository import TenantRepository


class SiteRepository(TenantRepository[DudaSite]):
    noun = "Site"

    def __init__(self, account_id: str) -> None:
        super().__init__(DudaSite, account_id)
