"""SendGrid, Twilio, FCM (with Google's token endpoint, reached through the external API) and
Expo, faked at the HTTP transport.

Each answers in the shapes its API reference documents, records every request, and answers the
replies queued for it (a success once they run out). A queued reply may be an exception,
raised as the transport would (a timeout). Expo's receipts (`expo_receipts`, its getReceipts
endpoint) answer the receipts made so far (`make_expo_receipt`) of the ticket ids asked for,
leaving out the others, as Expo does.
"""

import itertools
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx

from tests.external_api.fakes.fcm import FCM_URL, GOOGLE_TOKEN_URL, fcm_sent, google_token

SENDGRID_URL = "https://sendgrid.test"
TWILIO_URL = "https://twilio.test"
EXPO_URL = "https://expo.test"
EXPO_RECEIPTS_URL = f"{EXPO_URL}/--/api/v2/push/getReceipts"

_ids = itertools.count(1)


@dataclass
class Recorded:
    method: str
    url: str
    headers: httpx.Headers
    content: bytes

    def json(self):
        return json.loads(self.content)

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.content.decode()))


@dataclass
class FakeProviders:
    requests: dict[str, list[Recorded]] = field(default_factory=lambda: defaultdict(list))
    replies: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    # Expo's receipts made so far, by ticket id.
    expo_receipts_made: dict[str, dict] = field(default_factory=dict)

    def queue(self, provider: str, *replies: httpx.Response | Exception) -> None:
        self.replies[provider].extend(replies)

    def make_expo_receipt(self, ticket_id: str, receipt: dict) -> None:
        self.expo_receipts_made[ticket_id] = receipt

    def asked_expo_receipts(self) -> list[list[str]]:
        """The ticket ids of each getReceipts request, in order."""
        return [request.json()["ids"] for request in self.requests["expo_receipts"]]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        provider = provider_of(request)
        self.requests[provider].append(
            Recorded(request.method, str(request.url), request.headers, request.read())
        )
        if self.replies[provider]:
            reply = self.replies[provider].popleft()
            if isinstance(reply, Exception):
                raise reply
            return reply
        if provider == "expo_receipts":
            return self.expo_receipts(request)
        return SUCCESS[provider](request)

    def expo_receipts(self, request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.read())["ids"]
        made = {
            ticket: self.expo_receipts_made[ticket]
            for ticket in ids
            if ticket in self.expo_receipts_made
        }
        return httpx.Response(200, json={"data": made})


def provider_of(request: httpx.Request) -> str:
    url = str(request.url)
    for prefix, name in (
        (SENDGRID_URL, "sendgrid"),
        (TWILIO_URL, "twilio"),
        (FCM_URL, "fcm"),
        (GOOGLE_TOKEN_URL, "google"),
        (EXPO_RECEIPTS_URL, "expo_receipts"),
        (EXPO_URL, "expo"),
    ):
        if url.startswith(prefix):
            return name
    raise AssertionError(f"a request left for an unknown host: {url}")


def sendgrid_accepted(_: httpx.Request) -> httpx.Response:
    # 202, no body, the message id in a header.
    return httpx.Response(202, headers={"X-Message-Id": f"sg-{next(_ids)}"})


def twilio_created(request: httpx.Request) -> httpx.Response:
    form = dict(parse_qsl(request.read().decode()))
    sid = f"SM{next(_ids):032x}"
    return httpx.Response(
        201,
        json={
            "account_sid": "AC" + "0" * 32,
            "body": form.get("Body"),
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": form.get("From"),
            "sid": sid,
            "status": "queued",
            "to": form.get("To"),
            "uri": f"/2010-04-01/Accounts/AC{'0' * 32}/Messages/{sid}.json",
        },
    )


def expo_ticket(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": {"status": "ok", "id": f"XXXX-{next(_ids)}"}})


SUCCESS = {
    "sendgrid": sendgrid_accepted,
    "twilio": twilio_created,
    "fcm": fcm_sent,
    "google": google_token,
    "expo": expo_ticket,
}


def sendgrid_error(status: int, message: str, field_name: str | None = None) -> httpx.Response:
    return httpx.Response(
        status, json={"errors": [{"message": message, "field": field_name, "help": None}]}
    )


def twilio_error(status: int, code: int, message: str) -> httpx.Response:
    return httpx.Response(
        status,
        json={
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        },
    )


def expo_ticket_error(message: str, error: str, **details: str) -> httpx.Response:
    ticket = {"status": "error", "message": message, "details": {"error": error, **details}}
    return httpx.Response(200, json={"data": ticket})


def expo_device_not_registered(token: str) -> httpx.Response:
    """The ticket of a token no device is behind, as Expo documents it."""
    return expo_ticket_error(
        f'"{token}" is not a registered push notification recipient',
        "DeviceNotRegistered",
        expoPushToken=token,
    )


def expo_receipt_ok() -> dict:
    return {"status": "ok"}


def expo_receipt_error(message: str, error: str) -> dict:
    return {"status": "error", "message": message, "details": {"error": error}}


def expo_receipt_device_not_registered() -> dict:
    """The receipt of a push Apple found no device for, as Expo documents it."""
    return expo_receipt_error(
        "The Apple Push Notification service failed to send the notification",
        "DeviceNotRegistered",
    )


def timeout() -> httpx.ReadTimeout:
    return httpx.ReadTimeout("timed out")
