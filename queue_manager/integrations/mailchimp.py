"""Mailchimp's audience webhooks: an unsubscribe or a cleaned address opts the account's
contacts holding it out of marketing email (`shared.domain.email_lists.consent`)."""

from typing import Any

from queue_manager.celery import settings
from shared.domain.email_lists.consent import unsubscribed
from shared.utilities.worker import PermanentError


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    data = event.get("data") or {}
    try:
        account_id, list_id, email = data["account_id"], data["list_id"], data["email"]
    except KeyError as missing:
        raise PermanentError(f"A Mailchimp event lacks {missing}.") from None
    opted_out = await unsubscribed(account_id, "mailchimp", list_id, email, settings)
    return {"opted_out": opted_out}
