"""What client reports refuse, each case with its own code."""

from shared.utilities.errors import NotFound


class ShareLinkInvalid(NotFound):
    """A share link the platform did not make, changed, expired or revoked: like a missing
    report, it says nothing more."""

    code, message = "share_link_invalid", "This report link does not exist or has expired."
