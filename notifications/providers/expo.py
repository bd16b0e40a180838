"""Push to Expo push tokens (`ExponentPushToken[...]`) through Expo's push API
(`POST /--/api/v2/push/send`), and read back what became of each push
(`POST /--/api/v2/push/getReceipts`).

Expo answers 200 with a ticket, `{"data": {"status": "ok", "id"}}` or `{"data": {"status":
"error", "message", "details": {"error"}}}`; a request it refuses as a whole answers 4xx/5xx
with `{"errors": [{"code", "message"}]}`. A ticket's `DeviceNotRegistered` says the token is
dead (`TokenInvalid`): Expo asks senders to stop sending to it.

A ticket only says Expo took the push. Whether Apple or Google took it comes later in its push
receipt: `{"ids": [ticket ids]}` (at most 1000) is answered `{"data": {"<id>": {"status":
"ok"}}}` or `{"<id>": {"status": "error", "message", "details": {"error"}}}`, leaving out the
receipts not made yet. Expo keeps a receipt about a day, and suggests asking ~15 minutes after
the send; most dead tokens are reported there, as `DeviceNotRegistered`.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from notifications.providers.base import (
    ProviderReceipt,
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    TokenInvalid,
    check_answer,
    json_body,
    unreachable_is_unavailable,
)
from shared.models.base import utc_now

NAME = "expo"
TOKEN_PREFIXES = ("ExponentPushToken[", "ExpoPushToken[")
# A ticket error that says "later", not "never".
RETRYABLE_TICKET_ERRORS = {"MessageRateExceeded"}
DEAD_TOKEN = "DeviceNotRegistered"
RECEIPTS_PER_REQUEST = 1000
# How long Expo keeps a push's receipt: one not made by then never will be.
RECEIPT_LIFETIME = timedelta(hours=24)


def is_expo_token(token: str) -> bool:
    return token.startswith(TOKEN_PREFIXES)


def expo_headers(access_token: str) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if access_token:
        headers["Authorization"] = f"Bearer {access_token}"
    return headers


class ExpoPush:
    name = NAME

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        access_token: str,
        receipt_delay: timedelta,
    ) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/--/api/v2/push/send"
        self.headers = expo_headers(access_token)
        self.receipt_delay = receipt_delay

    async def send(self, message: PushMessage) -> ProviderReceipt:
        body: dict[str, Any] = {"to": message.to, "title": message.title, "body": message.text}
        if message.data:
            body["data"] = message.data
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(self.url, headers=self.headers, json=body)
        check_answer(NAME, response, error_message)
        ticket = response.json()["data"]
        if ticket.get("status") == "ok":
            return ProviderReceipt(NAME, ticket["id"], utc_now() + self.receipt_delay)
        reason, text = error_code(ticket), described(ticket)
        if reason in RETRYABLE_TICKET_ERRORS:
            raise ProviderUnavailable(NAME, text)
        if reason == DEAD_TOKEN:
            raise TokenInvalid(NAME, text)
        raise ProviderRejected(NAME, text)


@dataclass(frozen=True)
class PushReceipt:
    """What became of a push Expo took: handed to Apple or Google, or why not."""

    delivered: bool
    reason: str = ""  # Expo's message and error code
    token_dead: bool = False


class ExpoReceipts:
    def __init__(self, client: httpx.AsyncClient, base_url: str, access_token: str) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/--/api/v2/push/getReceipts"
        self.headers = expo_headers(access_token)

    async def fetch(self, ticket_ids: list[str]) -> dict[str, PushReceipt]:
        """The receipts Expo has made of those tickets (at most `RECEIPTS_PER_REQUEST`), by
        ticket id; raises `ProviderUnavailable` (5xx, timeout) or `ProviderRejected`."""
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(
                self.url, headers=self.headers, json={"ids": ticket_ids}
            )
        check_answer(NAME, response, error_message)
        receipts = json_body(response).get("data")
        if not isinstance(receipts, dict):
            raise ProviderUnavailable(NAME, "answered without receipts")
        return {
            ticket_id: receipt_of(answer)
            for ticket_id, answer in receipts.items()
            if isinstance(answer, dict)
        }


def receipt_of(answer: dict) -> PushReceipt:
    if answer.get("status") == "ok":
        return PushReceipt(delivered=True)
    return PushReceipt(
        delivered=False, reason=described(answer), token_dead=error_code(answer) == DEAD_TOKEN
    )


def error_code(answer: dict) -> str:
    """The `details.error` of an error ticket or receipt (Expo may give none)."""
    details = answer.get("details")
    code = details.get("error") if isinstance(details, dict) else None
    return code if isinstance(code, str) else ""


def described(answer: dict) -> str:
    """An error ticket's or receipt's message, followed by its error code."""
    message, code = answer.get("message", ""), error_code(answer)
    return f"{message} ({code})" if code else message


def error_message(body: dict) -> str:
    errors = body.get("errors") or []
    return "; ".join(
        f"{error.get('code')}: {error.get('message')}"
        for error in errors
        if isinstance(error, dict)
    )
