"""/v1/store/public: a consumer's checkout, from a sub-account's link, with no session,
rate-limited per visitor address and per link (each call makes a Stripe Checkout session)."""

from fastapi import APIRouter, Depends

from internal_api.payments import Payments
from internal_api.public.limits import rate_limited
from internal_api.store import service
from internal_api.store.schemas import CheckoutCreate, CheckoutRead
from shared.domain.payments.errors import PaymentProviderFailed
from shared.domain.store.errors import OfferClosed
from shared.utilities.errors import InvalidInput, RateLimited, error_responses

router = APIRouter(prefix="/v1/store/public", tags=["store"])


@router.post(
    "/checkout/{token}",
    status_code=201,
    response_model=CheckoutRead,
    summary="Start paying for an offer",
    description="Answers the hosted payment page to send the buyer to (Stripe Checkout; in "
    "embedded mode the test provider pays at once and answers the success URL).",
    responses=error_responses(OfferClosed, InvalidInput, PaymentProviderFailed, RateLimited),
    dependencies=[Depends(rate_limited("store-checkout", key_from="token"))],
)
async def start_checkout(token: str, body: CheckoutCreate, payments: Payments) -> CheckoutRead:
    return await service.start_checkout(payments, token, body)
