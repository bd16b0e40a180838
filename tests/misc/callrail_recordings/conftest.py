"""The CallRail recordings service, in front of a fake CallRail (API, redirect and audio host)."""

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from beanie import PydanticObjectId
from cryptography.fernet import Fernet

from misc.callrail_recordings.app import create_app
from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.models.callrail_key import CallrailKey
from shared.models.membership import ROLE_SCOPES, Role
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.encryption import SecretBox
from tests.factories import user_token

# The key the external API seals accounts' CallRail keys with, given to this service too.
ENCRYPTION_KEY = Fernet.generate_key().decode()

AUDIO = bytes(range(256)) * 4  # 1 KiB of distinct-looking bytes
CALL_PATH = re.compile(r"^/v3/a/(?P<account>\w+)/calls/(?P<call>\w+)\.json$")
RECORDING_PATH = re.compile(r"^/v3/a/(?P<account>\w+)/calls/(?P<call>\w+)/recording\.json$")
REDIRECT_PATH = re.compile(r"^/calls/(?P<call>\w+)/recording/redirect$")


@dataclass
class FakeCallrail:
    """CallRail as its API v3 documents it, for the accounts it is given (key, calls and their
    audio), plus the redirect and the storage host that serve the audio; keeps what it was sent.
    """

    accounts: dict[str, tuple[str, dict[str, bytes | None]]] = field(default_factory=dict)
    status: int = 200  # another status answers every API request
    failure: type[httpx.TransportError] | None = None
    recording_url: str | None = None  # where a call's `recording` points, if not the API
    # A streamed recording: one chunk handed out `count` times, without ever joining them.
    streamed: tuple[bytes, int] | None = None
    requests: list[httpx.Request] = field(default_factory=list)

    def add_call(self, account: str, api_key: str, call: str, audio: bytes | None = AUDIO) -> None:
        self.accounts.setdefault(account, (api_key, {}))[1][call] = audio

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failure:
            raise self.failure("CallRail is not answering", request=request)
        host, path = request.url.host, request.url.path
        if host == "api.callrail.com":
            return self.api(request, path)
        if host == "app.callrail.com" and (match := REDIRECT_PATH.match(path)):
            storage = f"https://callrail-recordings.s3.amazonaws.com/{match['call']}.mp3"
            return httpx.Response(302, headers={"location": storage})
        if host == "callrail-recordings.s3.amazonaws.com":
            return self.audio(request, path.strip("/").removesuffix(".mp3"))
        return httpx.Response(404)

    def api(self, request: httpx.Request, path: str) -> httpx.Response:
        match = CALL_PATH.match(path) or RECORDING_PATH.match(path)
        if match is None or match["account"] not in self.accounts:
            return httpx.Response(404, json={"error": "Not found"})
        api_key, calls = self.accounts[match["account"]]
        if request.headers.get("authorization") != f'Token token="{api_key}"':
            return httpx.Response(401, json={"error": "HTTP Token: Access denied."})
        if self.status != 200:
            return httpx.Response(self.status, json={"error": "Internal Server Error"})
        call = match["call"]
        if call not in calls:
            return httpx.Response(404, json={"error": "Not found"})
        api = f"https://api.callrail.com/v3/a/{match['account']}/calls/{call}"
        if path.endswith("/recording.json"):
            redirect = f"https://app.callrail.com/calls/{call}/recording/redirect?access_key=k1"
            return httpx.Response(200, json={"url": redirect})
        recording = self.recording_url or f"{api}/recording.json"
        return httpx.Response(
            200, json={"id": call, "recording": recording if calls[call] else None}
        )

    def audio(self, request: httpx.Request, call: str) -> httpx.Response:
        if self.streamed:
            chunk, count = self.streamed
            headers = {"content-type": "audio/mpeg", "content-length": str(len(chunk) * count)}
            return httpx.Response(200, headers=headers, content=repeated(chunk, count))
        audio = next(calls[call] for _, calls in self.accounts.values() if call in calls)
        headers = {"content-type": "audio/mpeg", "accept-ranges": "bytes"}
        byte_range = request.headers.get("range")
        if byte_range is None:
            return streaming(200, headers, audio)
        start, end = (int(part) for part in byte_range.removeprefix("bytes=").split("-"))
        headers["content-range"] = f"bytes {start}-{end}/{len(audio)}"
        return streaming(206, headers, audio[start : end + 1])


def streaming(status: int, headers: dict[str, str], body: bytes) -> httpx.Response:
    """An answer whose body arrives as from the network (httpx reads a bytes body at once, and
    then it cannot be streamed)."""
    headers = {**headers, "content-length": str(len(body))}
    return httpx.Response(status, headers=headers, content=repeated(body, 1))


async def repeated(chunk: bytes, count: int) -> AsyncIterator[bytes]:
    for _ in range(count):
        yield chunk


@pytest.fixture
def callrail() -> FakeCallrail:
    return FakeCallrail()


@pytest.fixture
def app(callrail):
    settings = CallrailRecordingsSettings(encryption_keys=ENCRYPTION_KEY)
    return create_app(settings, transport=httpx.MockTransport(callrail.handle))


@pytest.fixture
async def service(client_for, app, mongo):
    async with client_for(app) as client:
        yield client


async def connect_callrail(
    api_key: str = "key-a", callrail_account_id: str = "ACCa"
) -> CallrailKey:
    """A new account that connected CallRail with this key, sealed as the external API keeps it."""
    sealed = SecretBox.from_keys([ENCRYPTION_KEY]).seal(api_key)
    return await CallrailKey(
        account_id=PydanticObjectId(), api_key=sealed, key_hint="", external_id=callrail_account_id
    ).insert()


def headers_of(account_id: PydanticObjectId, role: Role = Role.MEMBER) -> dict[str, str]:
    principal = Principal(
        kind=TokenKind.USER,
        sub="user-1",
        account_id=str(account_id),
        role=role,
        scopes=ROLE_SCOPES[role],
    )
    return {"authorization": f"Bearer {user_token(principal)}"}
