"""The payments layer's named errors."""

from shared.utilities.errors import BadRequest, ServiceUnavailable, UpstreamError


class PaymentMethodRefused(BadRequest):
    """The card cannot be saved or used: unknown, declined when checked, or another customer's."""

    code, message = "payment_method_refused", "The payment method was refused."


class PaymentProviderFailed(UpstreamError):
    """The provider refused a request the platform made (not a customer's card)."""

    code, message = "payment_provider_failed", "The payment provider refused the request."


class PaymentsNotConfigured(ServiceUnavailable):
    """Distributed mode without a Stripe key: the test provider is for embedded mode only."""

    code, message = (
        "payments_not_configured",
        "Payments need EXTERNAL_API_STRIPE_SECRET_KEY in distributed mode.",
    )
