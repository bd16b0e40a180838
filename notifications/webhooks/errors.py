"""Why a provider's status report is refused; nothing changes when one is."""

from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized


class SignatureMissing(Unauthorized):
    """The provider's signature headers are missing."""

    code = "signature_missing"


class SignatureInvalid(Forbidden):
    """The signature is malformed or does not match the request."""

    code = "invalid_signature"


class SignatureExpired(Forbidden):
    """The signed timestamp is outside the window: a replay, or a clock far off."""

    code = "signature_expired"


class WebhooksNotConfigured(Forbidden):
    """The provider's verification key is not set, so nothing it sends can be trusted."""

    code = "webhooks_not_configured"


class InvalidEvents(InvalidInput):
    """The signed body is not what the provider documents."""

    code = "invalid_events"
