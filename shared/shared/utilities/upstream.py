"""Calling third-party HTTP APIs with httpx: their transport failures as domain errors."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from tenacity import retry, retry_if_result, stop_after_attempt, wait_exponential

from shared.utilities.errors import UpstreamError, UpstreamTimeout


def worth_retrying(response: httpx.Response) -> bool:
    """A busy (429) or failing (5xx) provider may answer a moment later; other answers stay."""
    return response.status_code == 429 or response.is_server_error


# Around a call answering an httpx.Response: two more tries with backoff on 429 and 5xx, and
# the last answer handed back as it is when they are used up.
retried_when_busy = retry(
    retry=retry_if_result(worth_retrying),
    stop=stop_after_attempt(3),
    wait=wait_exponential(multiplier=0.2, max=2),
    retry_error_callback=lambda state: state.outcome.result(),
)


def http_client(
    connect_timeout: float, read_timeout: float, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """A pooled client for a service's lifespan. `read_timeout` is how long the provider may stay
    silent, before answering or between chunks, so a long download is not cut short."""
    # httpx logs each request's full URL at INFO, and some providers take their key in the query.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
    return httpx.AsyncClient(timeout=timeout, transport=transport)


@contextmanager
def upstream_failures(provider: str) -> Iterator[None]:
    """Around a call to `provider`: too slow answers 504, unreachable or broken 502."""
    try:
        yield
    except httpx.TimeoutException as error:
        raise UpstreamTimeout(f"{provider} did not answer in time.") from error
    except httpx.HTTPError as error:
        raise UpstreamError(f"{provider} could not be reached.") from error
