"""CallTrackingMetrics' API v1, as far as recordings go: a call (`accounts/{id}/calls/{id}.json`,
asked with the account's key pair as HTTP basic auth) carries its recording's URL in `audio`,
which answers the audio or redirects to it. The key pair is sent to CTM's API host only."""

import base64

import httpx

from misc.callrail_recordings.recordings.audio import open_audio, read_json
from misc.callrail_recordings.recordings.service import Recording
from shared.utilities.errors import NotFound
from shared.utilities.upstream import upstream_failures

TITLE = "CallTrackingMetrics"


class CtmApi:
    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.host = httpx.URL(self.base_url).host

    async def open_recording(
        self,
        access_key: str,
        secret_key: str,
        ctm_account_id: str,
        call_id: str,
        byte_range: str | None,
    ) -> Recording:
        auth = basic_auth(access_key, secret_key)
        with upstream_failures(TITLE):
            url = f"{self.base_url}/accounts/{ctm_account_id}/calls/{call_id}.json"
            call = await read_json(self.client, TITLE, url, headers=auth)
            audio = call.get("audio")
            if not audio or not str(audio).startswith("https://"):
                raise NotFound(f"Call {call_id} has no recording.")
            headers = auth if httpx.URL(audio).host == self.host else {}
            return await open_audio(self.client, TITLE, audio, byte_range, headers)


def basic_auth(access_key: str, secret_key: str) -> dict[str, str]:
    pair = base64.b64encode(f"{access_key}:{secret_key}".encode()).decode()
    return {"authorization": f"Basic {pair}"}
