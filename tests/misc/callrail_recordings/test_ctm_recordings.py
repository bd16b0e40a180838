"""GET /v1/calltrackingmetrics/recordings/{call_id}: a call's recording, found on the CTM call
asked with the account's key pair (basic auth) and streamed from its `audio` URL."""

import httpx
import pytest
from beanie import PydanticObjectId

from misc.callrail_recordings.app import create_app
from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.models.ctm_key import ACCESS_KEY as ACCESS_KEY_OPTION
from shared.models.ctm_key import CtmKey
from shared.utilities.encryption import SecretBox
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.calltrackingmetrics import (
    ACCESS_KEY,
    ACCOUNT_ID,
    AUDIO_URL,
    BASIC,
    CALL,
    CALL_ID,
    CALL_URL,
    SECRET_KEY,
)
from tests.misc.callrail_recordings.conftest import AUDIO, ENCRYPTION_KEY, headers_of, streaming

URL = f"/v1/calltrackingmetrics/recordings/{CALL_ID}"
AUDIO_HEADERS = {"content-type": "audio/mpeg", "accept-ranges": "bytes"}


@pytest.fixture
def ctm() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def ctm_service(client_for, ctm, mongo):
    settings = CallrailRecordingsSettings(encryption_keys=ENCRYPTION_KEY)
    async with client_for(create_app(settings, transport=ctm.transport())) as client:
        yield client


async def connect_ctm() -> CtmKey:
    """A new account that connected CTM with the pair, the secret sealed as the external API
    keeps it."""
    sealed = SecretBox.from_keys([ENCRYPTION_KEY]).seal(SECRET_KEY)
    return await CtmKey(
        account_id=PydanticObjectId(),
        api_key=sealed,
        key_hint="",
        external_id=ACCOUNT_ID,
        options={ACCESS_KEY_OPTION: ACCESS_KEY},
    ).insert()


def answer_audio(ctm, request_seen: list | None = None) -> None:
    def audio(request: httpx.Request) -> httpx.Response:
        if request_seen is not None:
            request_seen.append(request)
        return streaming(200, AUDIO_HEADERS, AUDIO)

    ctm.on("GET", CALL_URL, json_answer(CALL))
    ctm.on("GET", AUDIO_URL, audio)


async def test_a_recording_streams_as_ctm_serves_it(ctm_service, ctm):
    key = await connect_ctm()
    answer_audio(ctm)

    response = await ctm_service.get(URL, headers=headers_of(key.account_id))

    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.content == AUDIO


async def test_ctm_is_asked_for_the_call_with_the_accounts_pair(ctm_service, ctm):
    key = await connect_ctm()
    answer_audio(ctm)

    await ctm_service.get(URL, headers=headers_of(key.account_id))

    [asked] = ctm.sent("GET", CALL_URL)
    assert asked.headers["authorization"] == BASIC


async def test_the_pair_is_not_sent_to_the_audio_host(ctm_service, ctm):
    key = await connect_ctm()
    seen: list[httpx.Request] = []
    answer_audio(ctm, seen)

    await ctm_service.get(URL, headers=headers_of(key.account_id))

    [audio] = seen
    assert "authorization" not in audio.headers


async def test_a_range_is_passed_on(ctm_service, ctm):
    key = await connect_ctm()
    seen: list[httpx.Request] = []
    answer_audio(ctm, seen)

    await ctm_service.get(URL, headers={**headers_of(key.account_id), "range": "bytes=0-9"})

    assert seen[0].headers["range"] == "bytes=0-9"


async def test_a_call_without_audio_answers_not_found(ctm_service, ctm):
    key = await connect_ctm()
    ctm.on("GET", CALL_URL, json_answer({**CALL, "audio": None}))

    response = await ctm_service.get(URL, headers=headers_of(key.account_id))

    assert response.status_code == 404


async def test_an_account_without_ctm_is_told_to_connect_it(ctm_service, ctm):
    response = await ctm_service.get(URL, headers=headers_of(PydanticObjectId()))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert ctm.requests == []


async def test_a_pair_ctm_refuses_asks_for_a_reconnect(ctm_service, ctm):
    key = await connect_ctm()
    ctm.on("GET", CALL_URL, json_answer({"error": "Unauthorized"}, 401))

    response = await ctm_service.get(URL, headers=headers_of(key.account_id))

    assert response.json()["error"]["code"] == "reconnect_needed"
