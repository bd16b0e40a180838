from shared.utilities.errors import ServiceUnavailable


class BeamerNotConfigured(ServiceUnavailable):
    """The platform has no Beamer key: no product updates to show."""

    code, message = (
        "beamer_not_configured",
        "Beamer is not configured: set EXTERNAL_API_BEAMER_API_KEY.",
    )
