"""Duda's named errors."""

from shared.utilities.errors import ServiceUnavailable


class DudaNotConfigured(ServiceUnavailable):
    """The platform has no Duda partner credentials: nothing on Duda can be done here (the
    queue manager fails an InstaSite's build on it rather than retrying)."""

    code, message = "duda_not_configured", "Duda is not configured: set EXTERNAL_API_DUDA_USERNAME."
