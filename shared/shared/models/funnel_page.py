"""A funnel step's page: the draft its editor changes, which version of it is published, and
the step's conversion counts (`shared.domain.funnels.conversions` adds to them atomically)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.domain.funnels.blocks import Block
from shared.models.base import TenantDocument


class FunnelPage(TenantDocument):
    funnel_id: PydanticObjectId
    title: str
    description: str = ""  # the page's meta description
    blocks: list[Block] = []  # the draft
    # The published version (a FunnelPageVersion), None until the first publish.
    published_version_id: PydanticObjectId | None = None
    published_number: int | None = None
    versions_made: int = 0
    # The forms the published version embeds: a submission of one is counted on this step.
    form_ids: list[PydanticObjectId] = []
    views: int = 0
    submissions: int = 0
    purchases: int = 0

    class Settings:
        name = "funnel_pages"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("funnel_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("form_ids", ASCENDING)]),
        ]
