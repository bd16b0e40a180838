"""CallRail's API v3, as far as recordings go.

A call's `recording` field is an API URL (`.../calls/{id}/recording.json`); asked with the key,
it answers `{"url": ...}`, a link that redirects to the audio file itself.
"""

import httpx

from misc.callrail_recordings.recordings.audio import open_audio, read_json
from misc.callrail_recordings.recordings.service import Recording
from shared.utilities.errors import NotFound, UpstreamError
from shared.utilities.upstream import upstream_failures


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
            return await open_audio(self.client, "CallRail", recording["url"], byte_range)

    def api_url(self, url: str) -> str:
        """The URL, when it is CallRail's API: the key is sent nowhere else."""
        if not url.startswith(self.base_url + "/"):
            raise UpstreamError("CallRail pointed at a recording outside its API.")
        return url

    async def read_json(self, url: str, auth: dict[str, str], params=None) -> dict:
        return await read_json(self.client, "CallRail", url, headers=auth, params=params)
