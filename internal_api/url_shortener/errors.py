"""What making a short link, or following one, may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, Gone, InvalidInput


class DestinationRefused(InvalidInput):
    """The destination is not a public web page: a scheme other than http(s), or a host inside
    the platform's network (loopback, private, link-local, its own services)."""

    code, message = "destination_refused", "Short links lead to public web pages only."


class SlugReserved(InvalidInput):
    """The slug is one the platform keeps for itself."""

    code, message = "slug_reserved", "This slug is reserved."


class SlugTaken(Conflict):
    """Another short link, of any account, has this slug: codes are unique platform-wide."""

    code, message = "slug_taken", "Another short link has this slug."


class ShortLinkExpired(Gone):
    """The short link's expiry has passed."""

    code, message = "short_link_expired", "This short link has expired."
