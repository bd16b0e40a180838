"""A deal as the platform shows it, in the deals API's answers and in the `deal.*` webhook
events alike."""

from datetime import date, datetime

from shared.models.deal import DealStatus
from shared.utilities.schemas import DocumentRead, IdStr


class DealRead(DocumentRead):
    title: str
    pipeline_id: IdStr
    stage_id: IdStr
    position: int
    contact_ids: list[IdStr]
    owner_id: IdStr | None
    follower_ids: list[IdStr]
    value: int
    currency: str
    expected_close_date: date | None
    status: DealStatus
    lost_reason: str | None
    closed_at: datetime | None
