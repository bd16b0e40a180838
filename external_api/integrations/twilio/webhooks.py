"""Twilio's callbacks (inbound SMS, SMS statuses, call statuses): form posts signed in
`X-Twilio-Signature` with the account's Auth Token over the full URL Twilio called and the
sorted POST parameters. Twilio signs no timestamp."""

from collections.abc import Mapping
from urllib.parse import parse_qsl

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import twilio_signature_shaped, verify_twilio

SIGNATURE = "x-twilio-signature"
INBOUND_SMS = "sms.inbound"
SMS_STATUS = "sms.status"
CALL_STATUS = "call.status"


def form_of(body: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body.decode(), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise BadSignature("The webhook's body is not a form.") from None


class TwilioWebhooks(WebhookReceiver):
    """For one account: its Auth Token, the URL Twilio was given, and the account's id carried
    into each event."""

    provider = "twilio"

    def __init__(self, account_id: str, auth_token: str, url: str) -> None:
        self.account_id = account_id
        self.auth_token = auth_token
        self.url = url

    def signed_at(self, headers: Mapping[str, str]) -> None:
        if not twilio_signature_shaped(headers.get(SIGNATURE, "")):
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_twilio(self.auth_token, self.url, form_of(body), headers[SIGNATURE]):
            raise BadSignature()

    def fields(self, body: bytes, *names: str) -> dict[str, str]:
        form = dict(form_of(body))
        missing = [name for name in names if not form.get(name)]
        if missing:
            raise InvalidInput(f"Twilio's callback lacks {', '.join(missing)}.")
        return form


class InboundSms(TwilioWebhooks):
    def events(self, body: bytes) -> list[WebhookEvent]:
        form = self.fields(body, "MessageSid", "From", "To")
        data = {
            "account_id": self.account_id,
            "message_sid": form["MessageSid"],
            "from": form["From"],
            "to": form["To"],
            "body": form.get("Body", ""),
            "num_media": int(form.get("NumMedia") or 0),
        }
        return [WebhookEvent(id=form["MessageSid"], type=INBOUND_SMS, data=data)]


class SmsStatus(TwilioWebhooks):
    def events(self, body: bytes) -> list[WebhookEvent]:
        form = self.fields(body, "MessageSid", "MessageStatus")
        data = {
            "account_id": self.account_id,
            "message_sid": form["MessageSid"],
            "status": form["MessageStatus"],
            "error_code": form.get("ErrorCode") or None,
            "to": form.get("To"),
            "from": form.get("From"),
        }
        # Each status of a message is its own event: queued, sent, delivered are all news.
        event_id = f"{form['MessageSid']}:{form['MessageStatus']}"
        return [WebhookEvent(id=event_id, type=SMS_STATUS, data=data)]


class CallStatus(TwilioWebhooks):
    """A call to or from one of the account's numbers changed status; `CallDuration` (seconds)
    comes with `completed`."""

    def events(self, body: bytes) -> list[WebhookEvent]:
        form = self.fields(body, "CallSid", "CallStatus")
        try:
            duration = int(form.get("CallDuration") or 0)
        except ValueError:
            raise InvalidInput("Twilio's CallDuration is not a number of seconds.") from None
        data = {
            "account_id": self.account_id,
            "call_sid": form["CallSid"],
            "status": form["CallStatus"],
            "duration": duration,
            "direction": form.get("Direction"),
            "to": form.get("To"),
            "from": form.get("From"),
        }
        return [
            WebhookEvent(id=f"{form['CallSid']}:{form['CallStatus']}", type=CALL_STATUS, data=data)
        ]
