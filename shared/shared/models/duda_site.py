"""A Duda site made for an account (by the Duda integration, from a template)."""

from datetime import datetime

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class DudaSite(TenantDocument):
    site_name: str  # Duda's id of the site
    template_id: int
    published_at: datetime | None = None  # the last publish

    class Settings:
        name = "duda_sites"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("site_name", ASCENDING)], unique=True),
        ]
