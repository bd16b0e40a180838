"""A product an agency resells in its white-label store: its own, or one of the platform's
catalogue (`shared.domain.store.catalogue`), at the agency's price and with its branding.
`tags` name what it fixes ("listings", "reviews", "website", "seo", "social"): the reports
map an InstaReport's findings to the products tagged so."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class StoreProduct(TenantDocument):
    # account_id: the agency selling it
    name: str
    description: str = ""
    image_url: str | None = None
    catalogue_item: str | None = None  # the platform's catalogue item it resells
    price: int  # minor units of `currency`
    currency: str  # ISO 4217, upper-case
    tags: list[str] = []
    fulfilment_days: int = 7  # an order is due this many days after it is paid
    active: bool = True

    class Settings:
        name = "store_products"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("active", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("tags", ASCENDING)]),
        ]
