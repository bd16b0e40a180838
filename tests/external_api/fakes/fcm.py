"""FCM's HTTP v1 API and Google's OAuth token endpoint as documented: `messages:send` answers
`{"name": "projects/{project}/messages/{id}"}`, errors Google's `{"error": {"code", "message",
"status", "details"}}` (FCM's `errorCode` in a `google.firebase.fcm.v1.FcmError` detail); the
token endpoint answers a JWT bearer grant with `{"access_token", "expires_in", "token_type"}`.
`service_account_json()` is a Firebase service account's JSON key, its token_uri the fake's."""

import itertools
import json
from functools import cache

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

FCM_URL = "https://fcm.test"
GOOGLE_TOKEN_URL = "https://oauth2.google.test/token"
FCM_PROJECT = "platform-test"
SEND_URL = f"{FCM_URL}/v1/projects/{FCM_PROJECT}/messages:send"
SERVICE_ACCOUNT_EMAIL = "push@platform-test.iam.gserviceaccount.com"

_ids = itertools.count(1)


@cache
def service_account_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def service_account_json() -> str:
    pem = service_account_key().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return json.dumps(
        {
            "type": "service_account",
            "project_id": FCM_PROJECT,
            "private_key_id": "key-1",
            "private_key": pem.decode(),
            "client_email": SERVICE_ACCOUNT_EMAIL,
            "token_uri": GOOGLE_TOKEN_URL,
        }
    )


def fcm_sent(request: httpx.Request) -> httpx.Response:
    project = str(request.url).split("/projects/")[1].split("/")[0]
    return httpx.Response(200, json={"name": f"projects/{project}/messages/0:{next(_ids)}"})


def google_token(_: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "access_token": f"ya29.token-{next(_ids)}",
            "expires_in": 3599,
            "token_type": "Bearer",
        },
    )


def google_error(
    status: int,
    grpc_status: str,
    message: str,
    details: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    error: dict = {"code": status, "message": message, "status": grpc_status}
    if details:
        error["details"] = details
    return httpx.Response(status, json={"error": error}, headers=headers)


def fcm_error_detail(error_code: str) -> dict:
    return {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": error_code}


def fcm_unregistered() -> httpx.Response:
    """The app instance behind the token is gone (FCM's documented 404)."""
    return google_error(
        404, "NOT_FOUND", "Requested entity was not found.", [fcm_error_detail("UNREGISTERED")]
    )


def fcm_invalid_token() -> httpx.Response:
    return google_error(
        400,
        "INVALID_ARGUMENT",
        "The registration token is not a valid FCM registration token",
        [fcm_error_detail("INVALID_ARGUMENT")],
    )


def fcm_invalid_field(field_name: str, description: str) -> httpx.Response:
    """A bad value in the message, the token aside: a google.rpc.BadRequest detail names it."""
    bad_request = {
        "@type": "type.googleapis.com/google.rpc.BadRequest",
        "fieldViolations": [{"field": field_name, "description": description}],
    }
    return google_error(400, "INVALID_ARGUMENT", description, [bad_request])


def fcm_quota_exceeded(retry_after: int) -> httpx.Response:
    """FCM's 429 past the project's send quota, with the documented Retry-After."""
    return google_error(
        429,
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Send messages'.",
        [fcm_error_detail("QUOTA_EXCEEDED")],
        headers={"Retry-After": str(retry_after)},
    )
