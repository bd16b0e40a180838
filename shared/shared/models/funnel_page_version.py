"""One published version of a funnel page: what the public saw, as it was. Never changed once
written (publishing again makes the next number; a rollback publishes an older one again),
except for its thumbnail, added once the browser has rendered it."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.domain.funnels.blocks import Block
from shared.models.base import TenantDocument


class FunnelPageVersion(TenantDocument):
    funnel_id: PydanticObjectId
    page_id: PydanticObjectId
    number: int
    title: str
    description: str = ""
    blocks: list[Block]
    published_by: PydanticObjectId | None = None
    thumbnail_key: str | None = None  # the PNG in the file storage

    @property
    def has_thumbnail(self) -> bool:
        return self.thumbnail_key is not None

    class Settings:
        name = "funnel_page_versions"
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("page_id", ASCENDING), ("number", DESCENDING)],
                unique=True,
            ),
        ]
