"""`TestPaymentProvider`: a stand-in for Stripe in embedded mode only, so a newcomer can try
plans, invoices, top-ups and the store without a Stripe key. It is refused in distributed mode.

It takes Stripe's own test payment-method names: `pm_card_visa` is accepted and
`pm_card_chargeDeclined` attaches but declines every charge with `card_declined`, as Stripe's
test mode does. Its objects are kept in MongoDB shaped as Stripe writes them (a repeated
idempotency key answers the first call's object), and each outcome is told the way Stripe tells
it: the same event (`payment_intent.succeeded`, `payment_intent.payment_failed`,
`refund.created`, `checkout.session.completed`) queued for the queue manager's Stripe
handler, exactly as the external API queues a Stripe webhook, so the platform's state moves
by the same path either way. A checkout session is paid at once: its URL is the success URL."""

import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from shared.domain.payments import repository
from shared.domain.payments.errors import PaymentMethodRefused, PaymentsNotConfigured
from shared.domain.payments.provider import (
    AccountStatus,
    CheckoutLine,
    CheckoutSession,
    CustomerDetails,
    PaymentDomainStatus,
    PaymentMethod,
    PaymentResult,
    PaymentStatus,
    RefundResult,
    SetupIntent,
)
from shared.models.local_payment_object import LocalPaymentObject
from shared.utilities.outbox import enqueue_job
from shared.utilities.settings import RunMode
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK

# Stripe's test payment methods this stand-in knows: the card each stands for, and whether
# charging it is declined.
TEST_CARDS: dict[str, tuple[dict[str, Any], bool]] = {
    "pm_card_visa": ({"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2034}, False),
    "pm_card_chargeDeclined": (
        {"brand": "visa", "last4": "0002", "exp_month": 12, "exp_year": 2034},
        True,
    ),
}
DECLINED = ("card_declined", "Your card was declined.")

EventSink = Callable[[dict[str, Any]], Awaitable[None]]


async def queue_as_webhook(event: dict[str, Any]) -> None:
    """As the external API hands on a verified Stripe event: once per event id."""
    enqueue_job(
        INTEGRATIONS_PROCESS_WEBHOOK,
        task_id=f"stripe:{event['id']}",
        provider="stripe",
        event=event,
    )


def new_id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


class TestPaymentProvider:
    __test__ = False  # a stand-in, not a pytest test class
    name = "test"

    def __init__(self, mode: RunMode, events: EventSink = queue_as_webhook) -> None:
        if mode is RunMode.DISTRIBUTED:
            raise PaymentsNotConfigured(
                "The test payment provider runs in embedded mode only: set "
                "EXTERNAL_API_STRIPE_SECRET_KEY."
            )
        self.events = events

    async def make(
        self, kind: str, prefix: str, key: str, data: dict[str, Any], customer: str | None = None
    ) -> tuple[dict[str, Any], bool]:
        """The object made by this key (the first call's when the key was used before)."""
        object_id = new_id(prefix)
        made = LocalPaymentObject(
            object_id=object_id,
            kind=kind,
            idempotency_key=key,
            customer=customer,
            data={"id": object_id, "object": kind, "created": int(time.time()), **data},
        )
        stored, new = await repository.insert_local_object(made)
        return stored.data, new

    async def tell(self, event_type: str, stripe_object: dict[str, Any], connected: str | None):
        await self.events(
            {
                "id": new_id("evt"),
                "type": event_type,
                "data": {
                    "stripe_account_id": connected,
                    "created": int(time.time()),
                    "object": stripe_object,
                },
            }
        )

    async def create_customer(
        self, details: CustomerDetails, idempotency_key: str, connected_account: str | None = None
    ) -> str:
        data = {"email": details.email, "name": details.name, "metadata": dict(details.metadata)}
        customer, _ = await self.make("customer", "cus", idempotency_key, data)
        return customer["id"]

    async def create_setup_intent(
        self, customer: str, idempotency_key: str, connected_account: str | None = None
    ) -> SetupIntent:
        data = {"customer": customer, "usage": "off_session", "status": "requires_payment_method"}
        intent, _ = await self.make("setup_intent", "seti", idempotency_key, data)
        secret = f"{intent['id']}_secret_{idempotency_key[-8:]}"
        return SetupIntent(intent["id"], secret, intent["status"])

    async def list_payment_methods(
        self, customer: str, connected_account: str | None = None
    ) -> list[PaymentMethod]:
        attached = await repository.local_objects_of("payment_method", customer)
        return [
            card_of(method.data) for method in attached if method.data.get("customer") == customer
        ]

    async def attach_payment_method(
        self,
        customer: str,
        payment_method: str,
        idempotency_key: str,
        connected_account: str | None = None,
    ) -> PaymentMethod:
        if payment_method not in TEST_CARDS:
            raise PaymentMethodRefused(
                f"The test payment provider knows only {', '.join(TEST_CARDS)}."
            )
        card, declines = TEST_CARDS[payment_method]
        data = {"customer": customer, "card": card, "test_card": payment_method}
        method, _ = await self.make(
            "payment_method", "pm", idempotency_key, {**data, "declines": declines}, customer
        )
        return card_of(method)

    async def detach_payment_method(
        self, payment_method: str, idempotency_key: str, connected_account: str | None = None
    ) -> None:
        if await repository.local_object(payment_method) is None:
            raise PaymentMethodRefused(f"No such payment method: {payment_method}.")
        await repository.update_local_object(payment_method, {"customer": None})

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
        declines = await self.declines(customer, payment_method)
        data = {
            "amount": amount,
            "currency": currency.lower(),
            "customer": customer,
            "payment_method": payment_method,
            "description": description,
            "metadata": dict(metadata or {}),
            "status": "requires_payment_method" if declines else "succeeded",
            "last_payment_error": error_of(*DECLINED) if declines else None,
        }
        intent, new = await self.make("payment_intent", "pi", idempotency_key, data)
        if new:
            failed = intent["status"] != "succeeded"
            event = "payment_intent.payment_failed" if failed else "payment_intent.succeeded"
            await self.tell(event, intent, connected_account)
        return result_of(intent)

    async def declines(self, customer: str, payment_method: str) -> bool:
        """Whether charging the card is declined; a card that is not the customer's is refused
        (Stripe: the payment method does not belong to the customer)."""
        if payment_method in TEST_CARDS:
            return TEST_CARDS[payment_method][1]
        method = await repository.local_object(payment_method)
        if method is None or method.data.get("customer") != customer:
            raise PaymentMethodRefused(f"{payment_method} is not a card of {customer}.")
        return bool(method.data.get("declines"))

    async def refund(
        self,
        reference: str,
        amount: int | None,
        idempotency_key: str,
        connected_account: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundResult:
        payment = await repository.local_object(reference)
        if payment is None or payment.data.get("status") != "succeeded":
            raise PaymentMethodRefused(f"No succeeded payment {reference} to refund.")
        refunded_so_far = payment.data.get("amount_refunded", 0)
        to_refund = payment.data["amount"] - refunded_so_far if amount is None else amount
        if to_refund <= 0 or refunded_so_far + to_refund > payment.data["amount"]:
            raise PaymentMethodRefused("The refund is more than what is left of the payment.")
        data = {
            "amount": to_refund,
            "currency": payment.data["currency"],
            "payment_intent": reference,
            "status": "succeeded",
            "metadata": dict(metadata or {}),
        }
        refund, new = await self.make("refund", "re", idempotency_key, data)
        if new:
            total = refunded_so_far + to_refund
            await repository.update_local_object(reference, {"amount_refunded": total})
            await self.tell("refund.created", refund, connected_account)
        return RefundResult(refund["id"], reference, refund["amount"], refund["status"])

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
        currencies = {line.currency.lower() for line in lines}
        if len(currencies) != 1:
            raise PaymentMethodRefused("A checkout session is paid in one currency.")
        data = {
            "mode": "payment",
            "amount_total": sum(line.unit_amount * line.quantity for line in lines),
            "currency": currencies.pop(),
            "customer_details": {"email": customer_email},
            "metadata": dict(metadata or {}),
            "payment_intent": new_id("pi"),
            "payment_status": "paid",
            "status": "complete",
        }
        session, new = await self.make("checkout.session", "cs", idempotency_key, data)
        if new:
            await self.tell("checkout.session.completed", session, connected_account)
        url = success_url.replace("{CHECKOUT_SESSION_ID}", session["id"])
        return CheckoutSession(session["id"], url)

    async def account_status(self, connected_account: str) -> AccountStatus:
        """Every connected account can take charges here."""
        return AccountStatus(connected_account, True, None, None)

    async def register_payment_domain(
        self, domain: str, idempotency_key: str, connected_account: str | None = None
    ) -> PaymentDomainStatus:
        data = {"domain_name": domain, "enabled": True, "apple_pay": {"status": "active"}}
        registered, _ = await self.make("payment_method_domain", "pmd", idempotency_key, data)
        return PaymentDomainStatus(registered["id"], True, "active")


def card_of(method: dict[str, Any]) -> PaymentMethod:
    card = method["card"]
    return PaymentMethod(
        method["id"], card["brand"], card["last4"], card["exp_month"], card["exp_year"]
    )


def error_of(code: str, message: str) -> dict[str, str]:
    return {
        "type": "card_error",
        "code": code,
        "decline_code": "generic_decline",
        "message": message,
    }


def result_of(intent: dict[str, Any]) -> PaymentResult:
    if intent["status"] == "succeeded":
        return PaymentResult(PaymentStatus.SUCCEEDED, intent["id"])
    error = intent["last_payment_error"]
    return PaymentResult(PaymentStatus.FAILED, intent["id"], error["code"], error["message"])
