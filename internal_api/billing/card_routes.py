"""/v1/billing/payment-methods: the card the caller's account is billed on (a sub-account's by
its agency, in the agency's connected Stripe account; an agency's by the platform)."""

from fastapi import APIRouter, Response

from internal_api.billing import cards
from internal_api.billing.auth import BillingRead, BillingWrite
from internal_api.billing.schemas import PaymentMethodAttach, PaymentMethodRead, SetupIntentRead
from internal_api.payments import Payments
from shared.domain.billing.errors import StripeNotConnected
from shared.domain.payments.errors import PaymentMethodRefused, PaymentProviderFailed
from shared.utilities.errors import SIGNED_IN, NotFound, UpstreamError, error_responses

router = APIRouter(prefix="/v1/billing/payment-methods", tags=["billing"])

PROVIDER = (StripeNotConnected, PaymentProviderFailed, UpstreamError)


@router.post(
    "/setup-intent",
    status_code=201,
    response_model=SetupIntentRead,
    summary="Start saving a card: a SetupIntent's client secret for Stripe.js",
    description="The dashboard confirms it with Stripe.js (`confirmCardSetup`, on the "
    "`connected_account` it names), so card details go to Stripe only; Stripe's "
    "`setup_intent.succeeded` then makes the card the one invoices are charged to.",
    responses=error_responses(*SIGNED_IN, *PROVIDER),
)
async def start_setup(principal: BillingWrite, payments: Payments) -> SetupIntentRead:
    return await cards.start_setup(payments, principal)


@router.get(
    "",
    response_model=list[PaymentMethodRead],
    summary="The account's saved cards",
    responses=error_responses(*SIGNED_IN, *PROVIDER),
)
async def list_cards(principal: BillingRead, payments: Payments) -> list[PaymentMethodRead]:
    return await cards.list_cards(payments, principal)


@router.post(
    "",
    status_code=201,
    response_model=PaymentMethodRead,
    summary="Save a card by its id and charge invoices to it",
    description="A `pm_...` Stripe.js made; in embedded mode, the test provider's "
    "`pm_card_visa` (accepted) or `pm_card_chargeDeclined` (declined when charged).",
    responses=error_responses(*SIGNED_IN, PaymentMethodRefused, *PROVIDER),
)
async def attach_card(
    body: PaymentMethodAttach, principal: BillingWrite, payments: Payments
) -> PaymentMethodRead:
    return await cards.attach_card(payments, principal, body.payment_method)


@router.delete(
    "/{payment_method}",
    status_code=204,
    summary="Remove a saved card",
    responses=error_responses(*SIGNED_IN, NotFound, PaymentMethodRefused, *PROVIDER),
)
async def detach_card(payment_method: str, principal: BillingWrite, payments: Payments) -> Response:
    await cards.detach_card(payments, principal, payment_method)
    return Response(status_code=204)
