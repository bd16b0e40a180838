"""Stripe's REST API (docs.stripe.com/api) over httpx, as the platform's Connect application:
the platform's secret key as Bearer, the agency's connected account named in `Stripe-Account`,
and an `Idempotency-Key` on every POST, so a call repeated after a timeout or by a task run
twice is answered with the first call's result and does nothing twice. A 429 or 5xx is tried
again (with the same key, so safely); a card refused answers 402 `card_error`, which a charge
turns into a failed `PaymentResult`."""

from collections.abc import Mapping
from typing import Any

import httpx

from shared.domain.payments.errors import PaymentMethodRefused, PaymentProviderFailed
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
from shared.domain.payments.stripe_form import stripe_form
from shared.utilities.upstream import retried_when_busy, upstream_failures

DEFAULT_API_URL = "https://api.stripe.com/v1"


class StripeError(Exception):
    """Stripe's error object (`{"error": {"type", "code", "message", ...}}`) and its status."""

    def __init__(self, status: int, error: dict[str, Any]) -> None:
        self.status = status
        self.error = error
        super().__init__(error.get("message") or f"Stripe answered {status}")

    @property
    def is_card_error(self) -> bool:
        return self.error.get("type") == "card_error"


class StripePaymentProvider:
    name = "stripe"

    def __init__(self, http: httpx.AsyncClient, secret_key: str, api_url: str = DEFAULT_API_URL):
        self.http = http
        self.secret_key = secret_key
        self.api_url = api_url.rstrip("/")

    async def request(
        self,
        method: str,
        path: str,
        connected_account: str | None,
        params: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {self.secret_key}"}
        if connected_account:
            headers["stripe-account"] = connected_account
        if method == "POST":
            assert idempotency_key, "every POST to Stripe carries an idempotency key"
            headers["idempotency-key"] = idempotency_key
        form = stripe_form(params or {})
        with upstream_failures("Stripe"):
            response = await self.send(method, path, headers, form)
        body = response.json() if response.content else {}
        if response.is_error:
            raise StripeError(response.status_code, (body or {}).get("error") or {})
        return body

    @retried_when_busy
    async def send(
        self, method: str, path: str, headers: dict[str, str], form: list[tuple[str, str]]
    ) -> httpx.Response:
        url = f"{self.api_url}/{path}"
        if method == "GET":
            return await self.http.get(url, headers=headers, params=dict_of(form))
        return await self.http.request(method, url, headers=headers, data=dict_of(form))

    async def create_customer(
        self, details: CustomerDetails, idempotency_key: str, connected_account: str | None = None
    ) -> str:
        params = {"email": details.email, "name": details.name, "metadata": details.metadata}
        customer = await self.call("POST", "customers", connected_account, params, idempotency_key)
        return customer["id"]

    async def create_setup_intent(
        self, customer: str, idempotency_key: str, connected_account: str | None = None
    ) -> SetupIntent:
        params = {"customer": customer, "usage": "off_session", "payment_method_types": ["card"]}
        intent = await self.call(
            "POST", "setup_intents", connected_account, params, idempotency_key
        )
        return SetupIntent(intent["id"], intent["client_secret"], intent["status"])

    async def list_payment_methods(
        self, customer: str, connected_account: str | None = None
    ) -> list[PaymentMethod]:
        path = f"customers/{customer}/payment_methods"
        page = await self.call("GET", path, connected_account, {"type": "card", "limit": 100})
        return [payment_method_of(method) for method in page.get("data") or []]

    async def attach_payment_method(
        self,
        customer: str,
        payment_method: str,
        idempotency_key: str,
        connected_account: str | None = None,
    ) -> PaymentMethod:
        path = f"payment_methods/{payment_method}/attach"
        try:
            method = await self.request(
                "POST", path, connected_account, {"customer": customer}, idempotency_key
            )
        except StripeError as error:
            if error.is_card_error or error.error.get("code") == "resource_missing":
                raise PaymentMethodRefused(str(error)) from error
            raise PaymentProviderFailed(str(error)) from error
        return payment_method_of(method)

    async def detach_payment_method(
        self, payment_method: str, idempotency_key: str, connected_account: str | None = None
    ) -> None:
        path = f"payment_methods/{payment_method}/detach"
        await self.call("POST", path, connected_account, {}, idempotency_key)

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
        params = {
            "amount": amount,
            "currency": currency.lower(),
            "customer": customer,
            "payment_method": payment_method,
            "off_session": True,
            "confirm": True,
            "description": description,
            "metadata": metadata or {},
        }
        try:
            intent = await self.request(
                "POST", "payment_intents", connected_account, params, idempotency_key
            )
        except StripeError as error:
            if not error.is_card_error:
                raise PaymentProviderFailed(str(error)) from error
            return declined(error.error)
        return result_of(intent)

    async def refund(
        self,
        reference: str,
        amount: int | None,
        idempotency_key: str,
        connected_account: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundResult:
        params = {"payment_intent": reference, "amount": amount, "metadata": metadata or {}}
        refund = await self.call("POST", "refunds", connected_account, params, idempotency_key)
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
        params = {
            "mode": "payment",
            "line_items": [checkout_line(line) for line in lines],
            "success_url": success_url,
            "cancel_url": cancel_url,
            "customer_email": customer_email,
            "metadata": metadata or {},
            # The payment's own events carry the same metadata as the session's.
            "payment_intent_data": {"metadata": metadata or {}},
        }
        session = await self.call(
            "POST", "checkout/sessions", connected_account, params, idempotency_key
        )
        return CheckoutSession(session["id"], session["url"])

    async def account_status(self, connected_account: str) -> AccountStatus:
        account = await self.call("GET", "account", connected_account)
        currency = account.get("default_currency")
        return AccountStatus(
            account["id"],
            bool(account.get("charges_enabled")),
            account.get("country"),
            currency.upper() if currency else None,
        )

    async def register_payment_domain(
        self, domain: str, idempotency_key: str, connected_account: str | None = None
    ) -> PaymentDomainStatus:
        params = {"domain_name": domain}
        registered = await self.call(
            "POST", "payment_method_domains", connected_account, params, idempotency_key
        )
        apple_pay = (registered.get("apple_pay") or {}).get("status") or "inactive"
        if apple_pay != "active":
            # Stripe checks the domain again when asked (its file served, its DNS changed).
            path = f"payment_method_domains/{registered['id']}/validate"
            key = f"{idempotency_key}:validate:{apple_pay}"
            registered = await self.call("POST", path, connected_account, {}, key)
            apple_pay = (registered.get("apple_pay") or {}).get("status") or "inactive"
        return PaymentDomainStatus(registered["id"], bool(registered.get("enabled")), apple_pay)

    async def call(
        self,
        method: str,
        path: str,
        connected_account: str | None,
        params: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """A request whose every refusal is the provider's (no card in question)."""
        try:
            return await self.request(method, path, connected_account, params, idempotency_key)
        except StripeError as error:
            raise PaymentProviderFailed(str(error)) from error


def dict_of(form: list[tuple[str, str]]) -> dict[str, str]:
    # Flattened keys are unique (each list item has its index), so a dict loses nothing.
    return dict(form)


def payment_method_of(method: dict[str, Any]) -> PaymentMethod:
    card = method.get("card") or {}
    return PaymentMethod(
        id=method["id"],
        brand=card.get("brand"),
        last4=card.get("last4"),
        exp_month=card.get("exp_month"),
        exp_year=card.get("exp_year"),
    )


def result_of(intent: dict[str, Any]) -> PaymentResult:
    if intent.get("status") == "succeeded":
        return PaymentResult(PaymentStatus.SUCCEEDED, intent["id"])
    error = intent.get("last_payment_error") or {}
    return PaymentResult(
        PaymentStatus.FAILED,
        intent["id"],
        error.get("code") or intent.get("status"),
        error.get("message"),
    )


def declined(error: dict[str, Any]) -> PaymentResult:
    """A 402 `card_error`: the PaymentIntent it made is in the error (when it got that far)."""
    intent = error.get("payment_intent") or {}
    return PaymentResult(
        PaymentStatus.FAILED,
        intent.get("id") or "",
        error.get("code") or "card_declined",
        error.get("message"),
    )


def checkout_line(line: CheckoutLine) -> dict[str, Any]:
    return {
        "price_data": {
            "currency": line.currency.lower(),
            "unit_amount": line.unit_amount,
            "product_data": {"name": line.name},
        },
        "quantity": line.quantity,
    }
