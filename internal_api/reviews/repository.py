"""Every query of the reviews module's collections (the reviews themselves:
`shared.domain.reviews.repository`)."""

from typing import Any

from beanie import PydanticObjectId

from shared.models.business_location import BusinessLocation
from shared.models.reputation_settings import ReputationSettings
from shared.models.review_feedback import ReviewFeedback
from shared.models.review_page import ReviewPage
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.models.review_request import ReviewRequest
from shared.utilities.repository import TenantRepository


class TemplateRepository(TenantRepository[ReviewReplyTemplate]):
    noun = "Reply template"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ReviewReplyTemplate, account_id, ("created_at", "name"))


class PageRepository(TenantRepository[ReviewPage]):
    noun = "Review page"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ReviewPage, account_id)

    async def of_location(self, location_id: PydanticObjectId) -> ReviewPage | None:
        return await self.find_one({"location_id": location_id})


class LocationRepository(TenantRepository[BusinessLocation]):
    noun = "Location"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BusinessLocation, account_id)


class RequestRepository(TenantRepository[ReviewRequest]):
    noun = "Review request"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ReviewRequest, account_id)


class FeedbackRepository(TenantRepository[ReviewFeedback]):
    noun = "Feedback"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ReviewFeedback, account_id)


async def stored_settings(account_id: PydanticObjectId) -> ReputationSettings | None:
    return await ReputationSettings.find_one({"account_id": account_id})


async def answer_on_page(answer_id: PydanticObjectId, page_id: Any) -> ReviewFeedback | None:
    """A public answer, only through the page it was given on."""
    return await ReviewFeedback.find_one({"_id": answer_id, "page_id": page_id})
