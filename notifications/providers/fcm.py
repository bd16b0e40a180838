"""Push through Firebase Cloud Messaging's HTTP v1 API
(`POST /v1/projects/{project}/messages:send`), authorised by a service account's OAuth token.

FCM answers `{"name": "projects/{project}/messages/{id}"}`; errors come as Google's
`{"error": {"code", "message", "status", "details"}}`, where a detail of type
`google.firebase.fcm.v1.FcmError` carries FCM's `errorCode`. `UNREGISTERED` (404) says the app
instance is gone; `INVALID_ARGUMENT` (400) says the token is no FCM token, unless a
`google.rpc.BadRequest` detail names another field of the message (a bad payload): both mean
the token is dead (`TokenInvalid`).
"""

import httpx

from notifications.providers.base import (
    ProviderReceipt,
    ProviderUnavailable,
    PushMessage,
    TokenInvalid,
    check_answer,
    json_body,
    unreachable_is_unavailable,
)
from notifications.providers.google_oauth import ServiceAccountTokens

NAME = "fcm"
SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError"
BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest"
TOKEN_FIELD = "message.token"


class FcmPush:
    name = NAME

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        project_id: str,
        tokens: ServiceAccountTokens,
    ) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/v1/projects/{project_id}/messages:send"
        self.tokens = tokens

    async def send(self, message: PushMessage) -> ProviderReceipt:
        body = {
            "message": {
                "token": message.to,
                "notification": {"title": message.title, "body": message.text},
                "data": message.data,
            }
        }
        access_token = await self.tokens.access_token()
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(
                self.url, headers={"Authorization": f"Bearer {access_token}"}, json=body
            )
        if response.status_code == 401:
            # Our token was revoked or expired early: the next try asks for a new one.
            self.tokens.forget()
            raise ProviderUnavailable(NAME, f"401 {error_message(json_body(response))}")
        if not response.is_success and names_a_dead_token(json_body(response)):
            raise TokenInvalid(NAME, f"{response.status_code} {error_message(json_body(response))}")
        check_answer(NAME, response, error_message)
        return ProviderReceipt(NAME, response.json()["name"])


def error_message(body: dict) -> str:
    """`NOT_FOUND (UNREGISTERED): Requested entity was not found.`: Google's status, FCM's
    own code when it says more, and the message."""
    error = error_of(body)
    status, code = error.get("status", ""), fcm_error_code(body)
    named = f"{status} ({code})" if code and code != status else status
    return f"{named}: {error.get('message', '')}" if named else error.get("message", "")


def names_a_dead_token(body: dict) -> bool:
    code = fcm_error_code(body)
    return code == "UNREGISTERED" or (
        code == "INVALID_ARGUMENT" and bad_fields(body) <= {TOKEN_FIELD}
    )


def error_of(body: dict) -> dict:
    error = body.get("error")
    return error if isinstance(error, dict) else {}


def details_of(body: dict, detail_type: str) -> list[dict]:
    details = error_of(body).get("details")
    if not isinstance(details, list):
        return []
    return [d for d in details if isinstance(d, dict) and d.get("@type") == detail_type]


def fcm_error_code(body: dict) -> str:
    codes = [detail.get("errorCode") for detail in details_of(body, FCM_ERROR)]
    return next((code for code in codes if isinstance(code, str)), "")


def bad_fields(body: dict) -> set[str]:
    """The fields of the request a `google.rpc.BadRequest` detail says are wrong."""
    return {
        violation.get("field", "")
        for detail in details_of(body, BAD_REQUEST)
        for violation in detail.get("fieldViolations") or []
        if isinstance(violation, dict)
    }
