"""A provider's answers about a call (JSON, the account's key refused as a 409), and the
recording's audio streamed from wherever the provider keeps it, `Range` passed on."""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from misc.callrail_recordings.recordings.service import ReconnectNeeded, Recording
from shared.utilities.errors import NotFound, UpstreamError

# What the audio's answer says about its bytes, passed on to the caller as it is.
PASSED_ON = (
    "content-type",
    "content-length",
    "content-range",
    "accept-ranges",
    "content-encoding",
    "etag",
    "last-modified",
)
STREAMED = (200, 206, 416)  # the whole file, the range asked for, or a range past its end


async def read_json(client: httpx.AsyncClient, title: str, url: str, **request: Any) -> dict:
    answer = await client.get(url, **request)
    if answer.status_code == 401:
        raise ReconnectNeeded(f"{title} refused this account's API key: reconnect {title}.")
    if answer.status_code == 404:
        raise NotFound("The call does not exist.")
    if answer.status_code != 200:
        raise UpstreamError(f"{title} answered {answer.status_code}.")
    try:
        return answer.json()
    except ValueError as error:
        raise UpstreamError(f"{title} answered in an unexpected shape.") from error


async def open_audio(
    client: httpx.AsyncClient,
    title: str,
    url: str,
    byte_range: str | None,
    headers: dict[str, str] | None = None,
) -> Recording:
    """`headers` go to `url` only: a redirect to another host does not carry them."""
    sent = {**(headers or {}), **({"range": byte_range} if byte_range else {})}
    request = client.build_request("GET", url, headers=sent)
    answer = await client.send(request, stream=True, follow_redirects=True)
    if answer.status_code not in STREAMED:
        await answer.aclose()
        if answer.status_code == 404:
            raise NotFound("The recording is no longer available.")
        raise UpstreamError(f"{title}'s recording answered {answer.status_code}.")
    passed_on = {name: answer.headers[name] for name in PASSED_ON if name in answer.headers}
    return Recording(answer.status_code, passed_on, chunks_of(answer))


async def chunks_of(answer: httpx.Response) -> AsyncIterator[bytes]:
    """The body as it arrives, raw (a Content-Length passed on stays true); closed when done."""
    try:
        async for chunk in answer.aiter_raw():
            yield chunk
    finally:
        await answer.aclose()
