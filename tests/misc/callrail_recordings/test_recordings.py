"""GET /v1/callrail/recordings/{call_id}: a call's recording, streamed from CallRail."""

import tracemalloc

import httpx
from beanie import PydanticObjectId
from cryptography.fernet import Fernet

from shared.models.membership import Role
from shared.utilities.encryption import SecretBox
from tests.misc.callrail_recordings.conftest import AUDIO, connect_callrail, headers_of


async def test_a_recording_streams_as_callrail_serves_it(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.headers["content-length"] == str(len(AUDIO))
    assert response.content == AUDIO


async def test_callrail_is_asked_for_the_call_with_the_accounts_key(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    call = callrail.requests[0]
    assert (call.method, call.url.host, call.url.path) == (
        "GET",
        "api.callrail.com",
        "/v3/a/ACCa/calls/CAL1.json",
    )
    assert call.url.params["fields"] == "recording"
    assert call.headers["authorization"] == 'Token token="key-a"'


async def test_the_recording_link_is_asked_with_the_key_and_the_audio_without(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    link, redirect, audio = callrail.requests[1:]
    assert link.url.path == "/v3/a/ACCa/calls/CAL1/recording.json"
    assert link.headers["authorization"] == 'Token token="key-a"'
    assert "authorization" not in redirect.headers
    assert "authorization" not in audio.headers


async def test_a_range_answers_206_with_those_bytes(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    response = await service.get(
        "/v1/callrail/recordings/CAL1",
        headers={**headers_of(key.account_id), "range": "bytes=100-199"},
    )

    assert response.status_code == 206
    assert response.content == AUDIO[100:200]
    assert response.headers["content-range"] == f"bytes 100-199/{len(AUDIO)}"
    assert response.headers["accept-ranges"] == "bytes"
    assert callrail.requests[-1].headers["range"] == "bytes=100-199"


async def test_a_large_recording_streams_without_being_held_in_memory(app, callrail, serve, mongo):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")
    size = 32 * 1024 * 1024
    callrail.streamed = (b"\xff" * 65536, size // 65536)

    async with serve(app) as base_url, httpx.AsyncClient(base_url=base_url) as client:
        tracemalloc.start()
        received = 0
        async with client.stream(
            "GET", "/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id)
        ) as response:
            async for chunk in response.aiter_raw():
                received += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    assert received == size
    assert peak < size / 8


async def test_a_call_of_another_callrail_account_answers_404(service, callrail):
    key = await connect_callrail("key-a", "ACCa")
    callrail.add_call("ACCa", "key-a", "CAL1")
    callrail.add_call("ACCb", "key-b", "CAL2")

    response = await service.get("/v1/callrail/recordings/CAL2", headers=headers_of(key.account_id))

    assert response.status_code == 404
    assert callrail.requests[0].headers["authorization"] == 'Token token="key-a"'


async def test_an_unknown_call_answers_404(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    response = await service.get("/v1/callrail/recordings/CAL9", headers=headers_of(key.account_id))

    assert response.status_code == 404


async def test_a_call_without_a_recording_answers_404(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1", audio=None)

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 404
    assert "no recording" in response.json()["error"]["message"]


async def test_an_account_without_a_callrail_key_answers_409(service, callrail):
    response = await service.get(
        "/v1/callrail/recordings/CAL1", headers=headers_of(PydanticObjectId())
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert callrail.requests == []


async def test_another_accounts_key_is_not_used(service, callrail):
    await connect_callrail("key-b", "ACCb")
    callrail.add_call("ACCb", "key-b", "CAL2")

    response = await service.get(
        "/v1/callrail/recordings/CAL2", headers=headers_of(PydanticObjectId())
    )

    assert response.status_code == 409


async def test_a_key_callrail_refuses_answers_409_asking_to_reconnect(service, callrail):
    key = await connect_callrail(api_key="revoked")
    callrail.add_call("ACCa", "key-a", "CAL1")

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"


async def test_a_callrail_server_error_answers_502(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")
    callrail.status = 500

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 502


async def test_callrail_unreachable_answers_502(service, callrail):
    key = await connect_callrail()
    callrail.failure = httpx.ConnectError

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 502


async def test_callrail_too_slow_answers_504(service, callrail):
    key = await connect_callrail()
    callrail.failure = httpx.ReadTimeout

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 504


async def test_a_recording_link_outside_callrails_api_is_not_sent_the_key(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")
    callrail.recording_url = "https://collector.example.com/steal.json"

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 502
    assert [request.url.host for request in callrail.requests] == ["api.callrail.com"]


async def test_a_call_id_of_other_characters_answers_422(service, callrail):
    key = await connect_callrail()

    response = await service.get(
        "/v1/callrail/recordings/CAL1.json%3Fx", headers=headers_of(key.account_id)
    )

    assert response.status_code == 422
    assert callrail.requests == []


async def test_a_request_without_a_token_answers_401(service):
    response = await service.get("/v1/callrail/recordings/CAL1")

    assert response.status_code == 401


async def test_a_key_sealed_with_another_encryption_key_answers_409(service, callrail):
    key = await connect_callrail()
    key.api_key = SecretBox.from_keys([Fernet.generate_key().decode()]).seal("key-a")
    await key.save()

    response = await service.get("/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    assert callrail.requests == []


async def test_a_user_who_may_not_read_integrations_answers_403(service, callrail):
    key = await connect_callrail()
    callrail.add_call("ACCa", "key-a", "CAL1")

    response = await service.get(
        "/v1/callrail/recordings/CAL1", headers=headers_of(key.account_id, Role.CLIENT)
    )

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "integrations:read"}]
    assert callrail.requests == []
