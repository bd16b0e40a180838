"""Push to FCM tokens through the external API (in-process, FCM HTTP v1 and Google's token
endpoint faked at its transport): the requests FCM gets and what its answers become here."""

import httpx
import jwt
import pytest

from notifications.providers.base import (
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    Reference,
    TokenInvalid,
)
from notifications.providers.registry import providers_for
from tests.external_api.fakes.fcm import (
    FCM_PROJECT,
    FCM_URL,
    GOOGLE_TOKEN_URL,
    SERVICE_ACCOUNT_EMAIL,
    fcm_invalid_field,
    fcm_invalid_token,
    fcm_unregistered,
    google_error,
    service_account_key,
)
from tests.notifications.conftest import configured_settings
from tests.notifications.fake_providers import timeout

PUSH = PushMessage(
    reference=Reference("acc-1", "del-1"),
    to="fcm-device-token",
    title="New lead",
    text="Grace from the website",
    data={"lead_id": "42"},
)


@pytest.fixture
async def fcm(network):
    async with httpx.AsyncClient(transport=network) as client:
        yield providers_for(configured_settings(), client).fcm


async def test_a_send_posts_the_v1_message_with_the_oauth_token(fcm, fake_providers):
    await fcm.send(PUSH)

    (token_request,) = fake_providers.requests["google"]
    (sent,) = fake_providers.requests["fcm"]
    assert (sent.method, sent.url) == (
        "POST",
        f"{FCM_URL}/v1/projects/{FCM_PROJECT}/messages:send",
    )
    assert sent.headers["authorization"].startswith("Bearer ya29.token-")
    assert sent.json() == {
        "message": {
            "token": "fcm-device-token",
            "notification": {"title": "New lead", "body": "Grace from the website"},
            "data": {"lead_id": "42"},
        }
    }
    assert token_request.url == GOOGLE_TOKEN_URL


async def test_the_token_request_is_a_jwt_bearer_grant_signed_by_the_service_account(
    fcm, fake_providers
):
    await fcm.send(PUSH)

    form = fake_providers.requests["google"][0].form()
    assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
    public_key = service_account_key().public_key()
    claims = jwt.decode(
        form["assertion"], public_key, algorithms=["RS256"], audience=GOOGLE_TOKEN_URL
    )
    assert claims["iss"] == SERVICE_ACCOUNT_EMAIL
    assert claims["scope"] == "https://www.googleapis.com/auth/firebase.messaging"
    assert jwt.get_unverified_header(form["assertion"])["kid"] == "key-1"


async def test_the_access_token_is_reused_until_it_nears_expiry(fcm, fake_providers):
    await fcm.send(PUSH)
    await fcm.send(PUSH)

    assert len(fake_providers.requests["google"]) == 1
    first, second = fake_providers.requests["fcm"]
    assert first.headers["authorization"] == second.headers["authorization"]


async def test_the_receipt_carries_the_message_name(fcm):
    receipt = await fcm.send(PUSH)

    assert receipt.provider == "fcm"
    assert receipt.message_id.startswith(f"projects/{FCM_PROJECT}/messages/")


async def test_a_refusal_is_rejected_with_fcms_status_and_message(fcm, fake_providers):
    fake_providers.queue("fcm", google_error(403, "PERMISSION_DENIED", "SenderId mismatch"))

    with pytest.raises(ProviderRejected) as raised:
        await fcm.send(PUSH)

    assert raised.value.message == "403 PERMISSION_DENIED: SenderId mismatch"
    assert not isinstance(raised.value, TokenInvalid)


async def test_an_unregistered_token_is_reported_dead_with_fcms_code(fcm, fake_providers):
    fake_providers.queue("fcm", fcm_unregistered())

    with pytest.raises(TokenInvalid) as raised:
        await fcm.send(PUSH)

    assert raised.value.message == "404 NOT_FOUND (UNREGISTERED): Requested entity was not found."


async def test_a_token_fcm_says_is_no_registration_token_is_reported_dead(fcm, fake_providers):
    fake_providers.queue("fcm", fcm_invalid_token())

    with pytest.raises(TokenInvalid, match="not a valid FCM registration token"):
        await fcm.send(PUSH)


async def test_an_invalid_argument_naming_another_field_leaves_the_token_alive(fcm, fake_providers):
    fake_providers.queue(
        "fcm",
        fcm_invalid_field(
            "message.data[0].value", "Invalid value at 'message.data[0].value' (TYPE_STRING), 12"
        ),
    )

    with pytest.raises(ProviderRejected) as raised:
        await fcm.send(PUSH)

    assert not isinstance(raised.value, TokenInvalid)
    assert raised.value.message.startswith("400 INVALID_ARGUMENT: Invalid value at")


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_a_busy_or_failing_fcm_is_unavailable(fcm, fake_providers, status):
    fake_providers.queue("fcm", google_error(status, "UNAVAILABLE", "The service is unavailable."))

    with pytest.raises(ProviderUnavailable, match="UNAVAILABLE"):
        await fcm.send(PUSH)


async def test_a_timeout_is_unavailable(fcm, fake_providers):
    fake_providers.queue("fcm", timeout())

    with pytest.raises(ProviderUnavailable):
        await fcm.send(PUSH)


async def test_a_refused_service_account_is_rejected_with_googles_description(fcm, fake_providers):
    fake_providers.queue(
        "google",
        httpx.Response(400, json={"error": "invalid_grant", "error_description": "Invalid JWT"}),
    )

    with pytest.raises(ProviderRejected, match="Invalid JWT"):
        await fcm.send(PUSH)
    assert fake_providers.requests["fcm"] == []


async def test_a_401_drops_the_access_token_and_is_retried_with_a_new_one(fcm, fake_providers):
    fake_providers.queue(
        "fcm",
        google_error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."),
    )

    with pytest.raises(ProviderUnavailable, match="UNAUTHENTICATED"):
        await fcm.send(PUSH)
    await fcm.send(PUSH)

    assert len(fake_providers.requests["google"]) == 2
    first, second = fake_providers.requests["fcm"]
    assert first.headers["authorization"] != second.headers["authorization"]
