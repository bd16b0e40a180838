"""SendGrid's v3 Mail Send with one account's key (Bearer)."""

from typing import Any

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.sendgrid.schemas import Address, MailCreate


def address(value: Address) -> dict[str, str]:
    return value.model_dump(exclude_none=True)


def mail_body(mail: MailCreate, custom_args: dict[str, str]) -> dict[str, Any]:
    """The documented `POST /v3/mail/send` body: one personalization for every recipient
    (they see each other, as on one message); text before html, as SendGrid requires."""
    content = [
        {"type": kind, "value": value}
        for kind, value in (("text/plain", mail.text), ("text/html", mail.html))
        if value
    ]
    body: dict[str, Any] = {
        "personalizations": [{"to": [address(to) for to in mail.to]}],
        "from": address(mail.sender),
        "subject": mail.subject,
        "content": content,
        "custom_args": custom_args,
    }
    if mail.reply_to:
        body["reply_to"] = address(mail.reply_to)
    if mail.categories:
        body["categories"] = mail.categories
    return body


class SendgridClient:
    """On the account's connection, which adds its key as Bearer."""

    def __init__(self, http: ConnectedHttp) -> None:
        self.http = http

    async def send(self, mail: MailCreate, custom_args: dict[str, str]) -> str:
        """SendGrid's message id; it answers 202 once it has accepted the message."""
        response = await self.http.call("POST", "mail/send", json=mail_body(mail, custom_args))
        message_id = response.headers.get("x-message-id")
        if response.status_code != 202 or not message_id:
            raise ProviderFailed("SendGrid accepted the mail without a message id.")
        return message_id
