"""Push to FCM tokens through the external API (`POST /v1/e/fcm/messages`), which holds the
platform's Firebase project and calls FCM's HTTP v1 API; this service only names the device.

The external API answers `{"name": "projects/{project}/messages/{id}"}`, or its uniform error
carrying FCM's own words: `push_token_invalid` (410) when FCM says the token is dead
(`TokenInvalid`), 429 / 5xx / no answer when FCM or the API is busy or failing
(`ProviderUnavailable`, tried again), any other refusal `ProviderRejected`.
"""

from notifications.providers.base import (
    ProviderReceipt,
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    TokenInvalid,
    json_body,
    unreachable_is_unavailable,
)
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import worth_retrying

NAME = "fcm"
PATH = "/v1/e/fcm/messages"
TOKEN_INVALID = "push_token_invalid"


class FcmPush:
    name = NAME

    def __init__(self, external_api: SiblingService) -> None:
        self.external_api = external_api

    async def send(self, message: PushMessage) -> ProviderReceipt:
        body = {"token": message.to, "title": message.title, "body": message.text}
        with unreachable_is_unavailable(NAME):
            response = await self.external_api.request(
                "POST", PATH, json=body | {"data": message.data}
            )
        if response.is_success:
            return ProviderReceipt(NAME, response.json()["name"])
        error = json_body(response).get("error")
        error = error if isinstance(error, dict) else {}
        words = str(error.get("message") or f"the external API answered {response.status_code}")
        if worth_retrying(response):
            raise ProviderUnavailable(NAME, words)
        if error.get("code") == TOKEN_INVALID:
            raise TokenInvalid(NAME, words)
        raise ProviderRejected(NAME, words)
