"""Push to Expo push tokens (`ExponentPushToken[...]`) through Expo's push API
(`POST /--/api/v2/push/send`).

Expo answers 200 with a ticket, `{"data": {"status": "ok", "id"}}` or `{"data": {"status":
"error", "message", "details": {"error"}}}`; a request it refuses as a whole answers 4xx/5xx
with `{"errors": [{"code", "message"}]}`. A ticket's `DeviceNotRegistered` says the token is
dead (`TokenInvalid`): Expo asks senders to stop sending to it.
"""

from typing import Any

import httpx

from notifications.providers.base import (
    ProviderReceipt,
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    TokenInvalid,
    check_answer,
    unreachable_is_unavailable,
)

NAME = "expo"
TOKEN_PREFIXES = ("ExponentPushToken[", "ExpoPushToken[")
# A ticket error that says "later", not "never".
RETRYABLE_TICKET_ERRORS = {"MessageRateExceeded"}
DEAD_TOKEN = "DeviceNotRegistered"


def is_expo_token(token: str) -> bool:
    return token.startswith(TOKEN_PREFIXES)


class ExpoPush:
    name = NAME

    def __init__(self, client: httpx.AsyncClient, base_url: str, access_token: str) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/--/api/v2/push/send"
        self.headers = {"Accept": "application/json"}
        if access_token:
            self.headers["Authorization"] = f"Bearer {access_token}"

    async def send(self, message: PushMessage) -> ProviderReceipt:
        body: dict[str, Any] = {"to": message.to, "title": message.title, "body": message.text}
        if message.data:
            body["data"] = message.data
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(self.url, headers=self.headers, json=body)
        check_answer(NAME, response, error_message)
        ticket = response.json()["data"]
        if ticket.get("status") == "ok":
            return ProviderReceipt(NAME, ticket["id"])
        reason = ticket.get("details", {}).get("error", "")
        text = f"{ticket.get('message', '')} ({reason})" if reason else ticket.get("message", "")
        if reason in RETRYABLE_TICKET_ERRORS:
            raise ProviderUnavailable(NAME, text)
        if reason == DEAD_TOKEN:
            raise TokenInvalid(NAME, text)
        raise ProviderRejected(NAME, text)


def error_message(body: dict) -> str:
    errors = body.get("errors") or []
    return "; ".join(
        f"{error.get('code')}: {error.get('message')}"
        for error in errors
        if isinstance(error, dict)
    )
