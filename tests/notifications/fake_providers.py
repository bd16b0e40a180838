"""SendGrid, Twilio, FCM (with Google's token endpoint) and Expo, faked at the HTTP transport.

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

SENDGRID_URL = "https://sendgrid.test"
TWILIO_URL = "https://twilio.test"
FCM_URL = "https://fcm.test"
GOOGLE_TOKEN_URL = "https://oauth2.google.test/token"
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


def google_error(
    status: int, grpc_status: str, message: str, details: list[dict] | None = None
) -> httpx.Response:
    error: dict = {"code": status, "message": message, "status": grpc_status}
    if details:
        error["details"] = details
    return httpx.Response(status, json={"error": error})


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
