"""A provider's error answers as the platform's domain errors.

A provider refusing the account's credential (401) is not the user's failure to sign in: it
answers 409 `reconnect_needed`, and the connection is marked so the dashboard can say so.
"""

from collections.abc import Callable

import httpx

from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    UpstreamError,
)
from shared.utilities.upstream import retry_after_seconds


class ReconnectNeeded(Conflict):
    """The provider refused the account's stored credential: connect the provider again."""

    code = "reconnect_needed"
    message = "The provider refused the stored connection; connect it again."


class NotConnected(Conflict):
    """The account has not connected this provider."""

    code = "not_connected"
    message = "The account has not connected this provider."


class ProviderFailed(UpstreamError):
    """The provider kept failing (5xx) or answered something we cannot use."""

    code = "upstream_error"
    message = "The provider failed."


def provider_message(response: httpx.Response) -> str:
    """The provider's own words about the failure, in the usual places a JSON error puts them."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(body, list) and body:  # Google's searchStream errors come as a list
        body = body[0]
    if not isinstance(body, dict):
        return ""
    error = body.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("status") or "")
    return str(body.get("error_description") or body.get("message") or error or "")


def refused_when_401(response: httpx.Response) -> bool:
    return response.status_code == 401


Refusal = Callable[[httpx.Response], bool]


def mapped_error(
    title: str, response: httpx.Response, refused: Refusal = refused_when_401
) -> Exception:
    """The domain error for a provider's answer of 400 or more; `refused` tells an answer
    refusing the credential, for providers that do not say so with a 401."""
    said = provider_message(response)
    words = f"{title}: {said}" if said else f"{title} answered {response.status_code}."
    status = response.status_code
    if refused(response):
        return ReconnectNeeded(f"{title} refused the stored connection; connect it again.")
    if status == 403:
        return Forbidden(words)
    if status == 404:
        return NotFound(words)
    if status == 429:
        wait = retry_after_seconds(response)
        headers = {"retry-after": str(int(wait))} if wait is not None else None
        return RateLimited(f"{title} is rate limiting the account.", headers=headers)
    if status < 500:
        return InvalidInput(words, details=[{"provider": title, "status": status, "message": said}])
    return ProviderFailed(words)


# What a route calling the provider through the account's connection may answer, for its
# `responses=`.
CONNECTED_CALL_ERRORS = (NotConnected, ReconnectNeeded, RateLimited, ProviderFailed)
