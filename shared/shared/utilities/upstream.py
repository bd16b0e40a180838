"""Calling third-party HTTP APIs with httpx: their transport failures as domain errors."""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
from tenacity import (
    RetryCallState,
    retry,
    retry_if_result,
    stop_after_attempt,
    wait_exponential,
)

from shared.utilities.errors import UpstreamError, UpstreamTimeout


def worth_retrying(response: httpx.Response) -> bool:
    """A busy (429) or failing (5xx) provider may answer a moment later; other answers stay."""
    return response.status_code == 429 or response.is_server_error


def retry_after_seconds(response: httpx.Response, now: datetime | None = None) -> float | None:
    """How long the provider asked us to wait (`Retry-After`: seconds or an HTTP date)."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def last_answer(state: RetryCallState) -> httpx.Response:
    """The answer of the try just made (tenacity calls us only after one)."""
    assert state.outcome is not None
    return state.outcome.result()


def wait_busy(max_wait: float) -> Callable[[RetryCallState], float]:
    """Backoff between tries: the provider's `Retry-After` when it sent one, exponential
    otherwise; never more than `max_wait` seconds, so a request cannot hang on a huge value."""
    backoff = wait_exponential(multiplier=0.2, max=max_wait)

    def wait(state: RetryCallState) -> float:
        asked = retry_after_seconds(last_answer(state))
        return min(asked, max_wait) if asked is not None else backoff(state)

    return wait


def retry_when_busy(
    attempts: int = 3,
    max_wait: float = 2,
    sleep: Callable[[float], Awaitable[None]] | None = None,
):
    """Around a call answering an httpx.Response: more tries on 429 and 5xx, waiting as
    `wait_busy` says, and the last answer handed back as it is when they are used up.
    `sleep` (async) replaces tenacity's own, for a test to see the waits asked for."""
    return retry(
        retry=retry_if_result(worth_retrying),
        stop=stop_after_attempt(attempts),
        wait=wait_busy(max_wait),
        retry_error_callback=last_answer,
        sleep=sleep or asyncio.sleep,
    )


# The policy for providers called with their defaults: three tries, two seconds at most between.
retried_when_busy = retry_when_busy()


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
