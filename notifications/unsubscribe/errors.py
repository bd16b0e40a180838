"""Why an unsubscribe link is refused."""

from shared.utilities.errors import Gone, NotFound


class LinkNotValid(NotFound):
    """A forged or mangled link answers as one that never existed."""

    code, message = "unsubscribe_link_not_valid", "This unsubscribe link is not valid."


class LinkExpired(Gone):
    """The link is genuine but older than links last."""

    code, message = (
        "unsubscribe_link_expired",
        "This unsubscribe link has expired; change what you receive in your preferences.",
    )
