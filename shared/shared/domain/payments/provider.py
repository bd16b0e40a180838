"""What a payment provider does for the platform, whichever it is (`StripePaymentProvider`,
`TestPaymentProvider`). Every call that moves money or creates something takes an
idempotency key: the id of the action it is done for (an invoice's attempt, an order, a
top-up), so a task run twice charges once. `connected_account` is the agency's connected Stripe
account (acct_...) the call acts in (Stripe Connect); None acts in the platform's own.

Amounts are integer minor units with an ISO 4217 code (`money.py`). A declined card is no
error: `charge_off_session` answers a failed `PaymentResult` with the provider's code
(`card_declined`), and the same outcome arrives later as a `payment_intent.payment_failed`
event, which is what billing's state follows."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class PaymentStatus(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@dataclass(frozen=True)
class PaymentResult:
    status: PaymentStatus
    reference: str  # the provider's payment (pi_...): what a refund names
    failure_code: str | None = None  # card_declined, authentication_required, ...
    failure_message: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.status is PaymentStatus.SUCCEEDED


@dataclass(frozen=True)
class RefundResult:
    reference: str  # re_...
    payment_reference: str  # the pi_... refunded
    amount: int  # minor units of the payment's currency
    status: str  # succeeded, pending, failed


@dataclass(frozen=True)
class SetupIntent:
    """What the dashboard needs to collect a card with Stripe.js (`confirmCardSetup`)."""

    id: str  # seti_...
    client_secret: str
    status: str


@dataclass(frozen=True)
class PaymentMethod:
    id: str  # pm_...
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None


@dataclass(frozen=True)
class CheckoutLine:
    name: str
    unit_amount: int  # minor units of `currency`
    currency: str
    quantity: int = 1


@dataclass(frozen=True)
class CheckoutSession:
    id: str  # cs_...
    url: str  # where the buyer is sent to pay


@dataclass(frozen=True)
class AccountStatus:
    """A connected Stripe account, as far as taking payments goes."""

    id: str  # acct_...
    charges_enabled: bool
    country: str | None
    default_currency: str | None  # ISO 4217, upper-case


@dataclass(frozen=True)
class PaymentDomainStatus:
    id: str  # pmd_...
    enabled: bool
    apple_pay_status: str  # active, inactive


@dataclass(frozen=True)
class CustomerDetails:
    email: str | None
    name: str | None
    metadata: Mapping[str, str] = field(default_factory=dict)


class PaymentProvider(Protocol):
    # "stripe" or "test": stored with what the provider made, so its ids are read back by it.
    name: str

    async def create_customer(
        self,
        details: CustomerDetails,
        idempotency_key: str,
        connected_account: str | None = None,
    ) -> str:
        """A new customer's id (cus_...)."""
        ...

    async def create_setup_intent(
        self, customer: str, idempotency_key: str, connected_account: str | None = None
    ) -> SetupIntent:
        """A card to save for off-session charges; its client secret goes to the dashboard."""
        ...

    async def list_payment_methods(
        self, customer: str, connected_account: str | None = None
    ) -> list[PaymentMethod]: ...

    async def attach_payment_method(
        self,
        customer: str,
        payment_method: str,
        idempotency_key: str,
        connected_account: str | None = None,
    ) -> PaymentMethod: ...

    async def detach_payment_method(
        self, payment_method: str, idempotency_key: str, connected_account: str | None = None
    ) -> None: ...

    async def charge_off_session(
        self,
        customer: str,
        payment_method: str,
        amount: int,
        currency: str,
        idempotency_key: str,
        description: str,
        connected_account: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> PaymentResult:
        """A PaymentIntent confirmed at once, without the customer present. `metadata` comes
        back on the payment's events (billing names its invoice there)."""
        ...

    async def refund(
        self,
        reference: str,
        amount: int | None,
        idempotency_key: str,
        connected_account: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundResult:
        """All of the payment (`amount` None) or part of it."""
        ...

    async def create_checkout_session(
        self,
        lines: list[CheckoutLine],
        success_url: str,
        cancel_url: str,
        idempotency_key: str,
        connected_account: str | None = None,
        metadata: Mapping[str, str] | None = None,
        customer_email: str | None = None,
    ) -> CheckoutSession:
        """A hosted payment page for one purchase (Stripe Checkout, mode `payment`)."""
        ...

    async def account_status(self, connected_account: str) -> AccountStatus:
        """Whether the connected account can take charges (`GET /v1/account`)."""
        ...

    async def register_payment_domain(
        self, domain: str, idempotency_key: str, connected_account: str | None = None
    ) -> PaymentDomainStatus:
        """The domain registered (or registered again, which validates it) for Apple Pay,
        Google Pay and Link on pages served there."""
        ...
