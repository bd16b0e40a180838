"""What managing webhook endpoints may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, InvalidInput


class WebhookUrlRefused(InvalidInput):
    """The URL points somewhere deliveries may not go (a private address, plain http)."""

    code = "webhook_url_refused"


class EndpointSwitchedOff(Conflict):
    """The webhook endpoint is switched off: nothing is sent to it."""

    code, message = (
        "endpoint_switched_off",
        "The webhook endpoint is switched off; switch it on first.",
    )


class DeliveryInProgress(Conflict):
    """The delivery is still being attempted."""

    code, message = "delivery_in_progress", "The delivery is still being attempted."
