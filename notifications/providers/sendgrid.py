"""Email through SendGrid's v3 Mail Send API (`POST /v3/mail/send`).

SendGrid answers 202 with no body and the message's id in `X-Message-Id`; its Event Webhook
reports each event with that id at the start of `sg_message_id`.
"""

import httpx

from notifications.providers.base import (
    EmailMessage,
    ProviderReceipt,
    ProviderRejected,
    check_answer,
    unreachable_is_unavailable,
)

NAME = "sendgrid"


class SendGridEmail:
    name = NAME

    def __init__(
        self, client: httpx.AsyncClient, base_url: str, api_key: str, from_address: str
    ) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/v3/mail/send"
        self.api_key = api_key
        self.from_address = from_address

    async def send(self, message: EmailMessage) -> ProviderReceipt:
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(
                self.url,
                headers={"Authorization": f"Bearer {self.api_key}"},
                json=self.body(message),
            )
        check_answer(NAME, response, error_message)
        message_id = response.headers.get("x-message-id")
        if not message_id:
            raise ProviderRejected(NAME, "accepted the message without an X-Message-Id")
        return ProviderReceipt(NAME, message_id)

    def body(self, message: EmailMessage) -> dict:
        sender = {"email": self.from_address}
        if message.from_name:
            sender["name"] = message.from_name
        content = [{"type": "text/plain", "value": message.text}]
        if message.html:
            content.append({"type": "text/html", "value": message.html})
        body = {
            "personalizations": [{"to": [{"email": message.to}]}],
            "from": sender,
            "subject": message.subject,
            "content": content,
            # Sent back as fields of every Event Webhook event.
            "custom_args": {
                "account_id": message.reference.account_id,
                "delivery_id": message.reference.delivery_id,
            },
        }
        if message.headers:
            body["headers"] = message.headers
        if message.attachments:
            body["attachments"] = [
                {
                    "content": attachment.content,
                    "type": attachment.content_type,
                    "filename": attachment.filename,
                    "disposition": "attachment",
                }
                for attachment in message.attachments
            ]
        return body


def error_message(body: dict) -> str:
    """SendGrid's `{"errors": [{"message", "field"}]}`."""
    errors = body.get("errors") or []
    return "; ".join(
        f"{error.get('field')}: {error.get('message')}" if error.get("field") else error["message"]
        for error in errors
        if isinstance(error, dict) and error.get("message")
    )
