"""Something a sub-account sells to its own customers (consumers) through a public checkout
link (`token`): paid on Stripe Checkout in the agency's connected account, each purchase lands
as a contact, a won deal on `pipeline_id`/`stage_id` and an invoice."""

from beanie import Indexed, PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConsumerOffer(TenantDocument):
    name: str
    description: str = ""
    amount: int  # minor units of `currency`
    currency: str
    token: Indexed(str, unique=True)  # type: ignore[valid-type]  # the public link's secret
    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId
    success_url: str  # where the buyer lands once paid ({CHECKOUT_SESSION_ID} is filled in)
    cancel_url: str
    active: bool = True

    class Settings:
        name = "consumer_offers"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
