"""Which payment provider a process gets: Stripe when the platform's Stripe secret key is set
(the same key the external API's Stripe Connect application uses); without one, the
`TestPaymentProvider` in embedded mode, and in distributed mode a refusal when the process
starts (`payment_provider`)."""

import httpx
from pydantic import SecretStr

from shared.domain.payments.local_provider import TestPaymentProvider
from shared.domain.payments.provider import PaymentProvider
from shared.domain.payments.stripe import DEFAULT_API_URL, StripePaymentProvider
from shared.utilities.settings import ServiceSettings, common


class PaymentSettings(ServiceSettings):
    stripe_secret_key: SecretStr = common(
        "EXTERNAL_API_STRIPE_SECRET_KEY",
        SecretStr(""),
        "the platform's Stripe secret key; calls act on the agencies' connected accounts",
    )
    stripe_api_url: str = common("EXTERNAL_API_STRIPE_API_URL", DEFAULT_API_URL, "Stripe's API")
    payments_timeout_seconds: float = common(
        "PAYMENTS_TIMEOUT_SECONDS", 20, "how long Stripe may take to answer a payment call"
    )


def payment_provider(settings: PaymentSettings, http: httpx.AsyncClient) -> PaymentProvider:
    """Raises PaymentsNotConfigured in distributed mode without a Stripe key."""
    secret_key = settings.stripe_secret_key.get_secret_value()
    if secret_key:
        return StripePaymentProvider(http, secret_key, settings.stripe_api_url)
    return TestPaymentProvider(settings.mode)
