"""Mail sent with the account's SendGrid key; its signed events handed to the queue manager."""

from collections.abc import Mapping

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from external_api.integrations.sendgrid.client import SendgridClient
from external_api.integrations.sendgrid.schemas import MailCreate, MailSent, WebhookRead
from external_api.integrations.sendgrid.webhooks import EventWebhooks
from shared.utilities.signatures import load_ecdsa_public_key

NAME = "sendgrid"
PUBLIC_KEY = "webhook_public_key"  # in the credential's options


async def send_mail(integrations: Integrations, account_id: str, mail: MailCreate) -> MailSent:
    client = SendgridClient(integrations.connected_http(NAME, account_id))
    # SendGrid echoes custom_args in every event of the message.
    message_id = await client.send(mail, {"account_id": account_id})
    return MailSent(message_id=message_id)


def webhook(integrations: Integrations, account_id: str) -> WebhookRead:
    base = integrations.settings.public_url.rstrip("/")
    return WebhookRead(webhook_url=f"{base}/v1/e/sendgrid/webhooks/events/{account_id}")


async def receive_events(
    integrations: Integrations, account_id: str, headers: Mapping[str, str], read_body: BodyReader
) -> dict[str, int]:
    """An account without SendGrid or its webhook key answers like a bad signature."""
    credential = await integrations.store(NAME).find(account_id)
    public_key = credential.options.get(PUBLIC_KEY) if credential else None
    if not public_key:
        raise BadSignature()
    tolerance = integrations.settings.sendgrid.webhook_tolerance_seconds
    receiver = EventWebhooks(account_id, load_ecdsa_public_key(public_key), tolerance)
    return await receive(receiver, headers, read_body)
