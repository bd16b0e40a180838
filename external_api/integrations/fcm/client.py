"""Push through Firebase Cloud Messaging's HTTP v1 API
(`POST /v1/projects/{project}/messages:send`), authorised by a service account's OAuth token.

FCM answers `{"name": "projects/{project}/messages/{id}"}`; errors come as Google's
`{"error": {"code", "message", "status", "details"}}`, where a detail of type
`google.firebase.fcm.v1.FcmError` carries FCM's `errorCode`. `UNREGISTERED` (404) says the app
instance is gone; `INVALID_ARGUMENT` (400) says the token is no FCM token, unless a
`google.rpc.BadRequest` detail names another field of the message (a bad payload): both mean
the token is dead (`PushTokenInvalid`). 429 and 5xx are tried again as `Retry-After` says (the
framework's HTTP), then answer 429 / 502; a 401 drops the access token, so the next try asks
Google for a new one.
"""

from external_api.integrations.fcm.errors import PushRejected, PushTokenInvalid
from external_api.integrations.fcm.google_oauth import ServiceAccountTokens, json_body
from external_api.integrations.fcm.schemas import PushMessageCreate
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp
from shared.utilities.errors import RateLimited
from shared.utilities.upstream import retry_after_seconds

TITLE = "Firebase Cloud Messaging"
SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError"
BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest"
TOKEN_FIELD = "message.token"


class FcmClient:
    def __init__(self, http: ProviderHttp, project_id: str, tokens: ServiceAccountTokens) -> None:
        self.http = http
        self.path = f"v1/projects/{project_id}/messages:send"
        self.tokens = tokens

    async def send(self, message: PushMessageCreate) -> str:
        """FCM's message name."""
        body = {
            "message": {
                "token": message.token,
                "notification": {"title": message.title, "body": message.body},
                "data": message.data,
            }
        }
        access_token = await self.tokens.access_token()
        headers = {"Authorization": f"Bearer {access_token}"}
        response = await self.http.send("POST", self.path, headers=headers, json=body)
        answer = json_body(response)
        if response.is_success:
            if not isinstance(answer.get("name"), str):
                raise ProviderFailed(f"{TITLE} answered without the message's name.")
            return answer["name"]
        words = f"{response.status_code} {error_message(answer)}".strip()
        if response.status_code == 401:
            # Our token was revoked or expired early: the next try asks for a new one.
            self.tokens.forget()
            raise ProviderFailed(words)
        if response.status_code == 429:
            wait = retry_after_seconds(response)
            headers = {"retry-after": str(int(wait))} if wait is not None else {}
            raise RateLimited(words, headers=headers)
        if response.status_code >= 500:
            raise ProviderFailed(words)
        if names_a_dead_token(answer):
            raise PushTokenInvalid(words)
        raise PushRejected(words)


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
