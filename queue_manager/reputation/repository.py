"""Every query of the reputation queue's own."""

from beanie import PydanticObjectId

from shared.models.business_location import BusinessLocation
from shared.models.contact import Contact
from shared.models.facebook_token import FacebookToken
from shared.models.integration_credential import ConnectionStatus
from shared.models.review import Review
from shared.models.review_page import ReviewPage
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.models.review_request import ReviewRequest
from shared.utilities.repository import object_id


async def review(account_id: str, review_id: str) -> Review | None:
    oid = object_id(review_id)
    return await Review.find_one({"_id": oid, "account_id": PydanticObjectId(account_id)})


async def template(
    account_id: PydanticObjectId, template_id: PydanticObjectId
) -> ReviewReplyTemplate | None:
    return await ReviewReplyTemplate.find_one({"_id": template_id, "account_id": account_id})


async def request_to_send(
    account_id: PydanticObjectId, request_id: str
) -> tuple[ReviewRequest, Contact, ReviewPage] | None:
    request = await ReviewRequest.find_one({"_id": object_id(request_id), "account_id": account_id})
    if request is None:
        return None
    contact = await Contact.find_one(
        {"_id": request.contact_id, "account_id": account_id, "deleted_at": None}
    )
    page = await ReviewPage.find_one({"_id": request.page_id, "account_id": account_id})
    return (request, contact, page) if contact and page else None


async def facebook_accounts(limit: int) -> list[PydanticObjectId]:
    """Accounts whose Facebook connection has Pages: their recommendations are read."""
    connections = (
        await FacebookToken.find(
            {"status": ConnectionStatus.CONNECTED, "pages.0": {"$exists": True}}
        )
        .limit(limit)
        .to_list()
    )
    return [connection.account_id for connection in connections]


async def locations_named(provider_location: str) -> list[BusinessLocation]:
    """Google's location id as every account that stored it has it."""
    filters = {"provider": "google-business", "provider_location": provider_location}
    return await BusinessLocation.find(filters).to_list()
