"""A platform operator viewing the platform as one of its users (internal_api's admin starts
it): the session is the user's, marked `impersonated_by` the operator, and it is read-only.

The rule is held where every request passes before any service sees it: the router (and its
exchange endpoint, which Traefik asks) refuses a write of such a session, and the sockets refuse
every event that changes something (`shared.utilities.acks`). Only signing out passes, which
ends the impersonation.
"""

from shared.utilities.errors import Forbidden

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The one write an impersonating session makes: ending itself.
ENDING = ("POST", "/v1/auth/logout")


class ImpersonationReadOnly(Forbidden):
    """The session is an operator's view as another user: it may read, never change anything."""

    code, message = (
        "impersonation_read_only",
        "This is a read-only view as another user: nothing can be changed.",
    )


def refuses(impersonated_by: str, method: str, path: str) -> bool:
    """Whether the request is a write by an impersonating session (ImpersonationReadOnly)."""
    return bool(impersonated_by) and method not in READ_METHODS and (method, path) != ENDING
