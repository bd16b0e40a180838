"""Every query the providers' event handlers make of their own collections (contacts and the
activity log are the domain's: `shared.domain.contacts`, `shared.domain.activities`)."""

from beanie import PydanticObjectId

from shared.models.facebook_token import FacebookToken
from shared.models.integration_credential import ConnectionStatus
from shared.models.twilio_number import TwilioNumber
from shared.utilities.repository import TenantRepository


async def lead_subscribers(page_id: str) -> list[FacebookToken]:
    """The connected Facebook accounts, of any account, that subscribed the Page to leads: a
    lead belongs to each of them."""
    return await FacebookToken.find(
        {
            "status": ConnectionStatus.CONNECTED,
            "pages": {"$elemMatch": {"id": page_id, "leads_subscribed": True}},
        }
    ).to_list()


async def twilio_number(account_id: PydanticObjectId, phone_number: str) -> TwilioNumber | None:
    """The account's Twilio number, by its E.164 number."""
    return await TenantRepository(TwilioNumber, account_id).find_one({"phone_number": phone_number})
