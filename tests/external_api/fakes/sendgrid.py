"""SendGrid's v3 API as documented: Mail Send (202, `X-Message-Id`), the key's scopes, and the
signed Event Webhook's body (an array of events)."""

import json

from shared.utilities.signatures import generate_ecdsa_key, sign_ecdsa_sha256

API = "https://api.sendgrid.com/v3"
MAIL_SEND_URL = f"{API}/mail/send"
SCOPES_URL = f"{API}/scopes"
API_KEY = "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"
MESSAGE_ID = "14c5d75ce93.dfd.64b469"

SCOPES = {"scopes": ["mail.send", "alerts.read", "scopes.read"]}

# The account's Signed Event Webhook key pair (SendGrid keeps the private one).
PRIVATE_KEY, PUBLIC_KEY = generate_ecdsa_key()


def events(*kinds: str, message_id: str = MESSAGE_ID) -> list[dict]:
    """Events of one message, as the Event Webhook documents them."""
    return [
        {
            "email": "grace@example.com",
            "timestamp": 1513299569,
            "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
            "event": kind,
            "category": "cat facts",
            "sg_event_id": f"sg_event_id_{kind}",
            "sg_message_id": f"{message_id}.filter0001.16648.5515E0B88.0",
            "account_id": "echoed custom arg",
        }
        for kind in kinds
    ]


def signed(body: list[dict], timestamp: str) -> tuple[bytes, dict[str, str]]:
    payload = json.dumps(body).encode()
    headers = {
        "content-type": "application/json",
        "x-twilio-email-event-webhook-signature": sign_ecdsa_sha256(
            PRIVATE_KEY, timestamp, payload
        ),
        "x-twilio-email-event-webhook-timestamp": timestamp,
    }
    return payload, headers
