"""CallRail's API v3, as far as recordings go.

A call's `recording` field is an API URL (`.../calls/{id}/recording.json`); asked with the key,
it answers `{"url": ...}`, a link that redirects to the audio file itself.
"""

from collections.abc import AsyncIterator

import httpx

from misc.callrail_recordings.recordings.service import ReconnectNeeded, Recording
from shared.utilities.errors import NotFound, UpstreamError
from shared.utilities.upstream import upstream_failures

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


class CallrailApi:
    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")

    async def open_recording(
        self, api_key: str, callrail_account_id: str, call_id: str, byte_range: str | None
    ) -> Recording:
        auth = {"authorization": f'Token token="{api_key}"'}
        with upstream_failures("CallRail"):
            call = await self.read_json(
                f"{self.base_url}/a/{callrail_account_id}/calls/{call_id}.json",
                auth,
                params={"fields": "recording"},
            )
            if not call.get("recording"):
                raise NotFound(f"Call {call_id} has no recording.")
            recording = await self.read_json(self.api_url(call["recording"]), auth)
            if "url" not in recording:
                raise UpstreamError("CallRail answered without the recording's URL.")
            return await self.open_audio(recording["url"], byte_range)

    def api_url(self, url: str) -> str:
        """The URL, when it is CallRail's API: the key is sent nowhere else."""
        if not url.startswith(self.base_url + "/"):
            raise UpstreamError("CallRail pointed at a recording outside its API.")
        return url

    async def read_json(self, url: str, auth: dict[str, str], params=None) -> dict:
        answer = await self.client.get(url, headers=auth, params=params)
        if answer.status_code == 401:
            raise ReconnectNeeded("CallRail refused this account's API key: reconnect CallRail.")
        if answer.status_code == 404:
            raise NotFound("The call does not exist.")
        if answer.status_code != 200:
            raise UpstreamError(f"CallRail answered {answer.status_code}.")
        try:
            return answer.json()
        except ValueError as error:
            raise UpstreamError("CallRail answered in an unexpected shape.") from error

    async def open_audio(self, url: str, byte_range: str | None) -> Recording:
        headers = {"range": byte_range} if byte_range else {}
        request = self.client.build_request("GET", url, headers=headers)
        answer = await self.client.send(request, stream=True, follow_redirects=True)
        if answer.status_code not in STREAMED:
            await answer.aclose()
            if answer.status_code == 404:
                raise NotFound("The recording is no longer available.")
            raise UpstreamError(f"CallRail's recording answered {answer.status_code}.")
        passed_on = {name: answer.headers[name] for name in PASSED_ON if name in answer.headers}
        return Recording(answer.status_code, passed_on, chunks_of(answer))


async def chunks_of(answer: httpx.Response) -> AsyncIterator[bytes]:
    """The body as it arrives, raw (a Content-Length passed on stays true); closed when done."""
    try:
        async for chunk in answer.aiter_raw():
            yield chunk
    finally:
        await answer.aclose()
