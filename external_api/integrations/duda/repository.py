"""Every query of the account's Duda sites."""

from shared.models.duda_site import DudaSite
from shared.models.instasite import Instasite
from shared.utilities.repository import TenantRepository


class SiteRepository(TenantRepository[DudaSite]):
    noun = "Site"

    def __init__(self, account_id: str) -> None:
        super().__init__(DudaSite, account_id)


class InstasiteRepository(TenantRepository[Instasite]):
    noun = "InstaSite"

    def __init__(self, account_id: str) -> None:
        super().__init__(Instasite, account_id)
