"""Push through Firebase Cloud Messaging's HTTP v1 API
(`POST /v1/projects/{project}/messages:send`), authorised by a service account's OAuth token.

FCM answers `{"name": "projects/{project}/messages/{id}"}`; errors come as Google's
`{"error": {"code", "message", "status"}}`.
"""

import httpx

from notifications.providers.base import (
    ProviderReceipt,
    ProviderUnavailable,
    PushMessage,
    check_answer,
    json_body,
    unreachable_is_unavailable,
)
from notifications.providers.google_oauth import ServiceAccountTokens

NAME = "fcm"
SCOPE = "https://www.googleapis.com/auth/firebase.messaging"


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
        check_answer(NAME, response, error_message)
        return ProviderReceipt(NAME, response.json()["name"])


def error_message(body: dict) -> str:
    error = body.get("error") or {}
    if not isinstance(error, dict):
        return ""
    status = error.get("status", "")
    return f"{status}: {error.get('message', '')}" if status else error.get("message", "")
