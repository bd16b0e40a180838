"""Zoho CRM's notifications: each changed record synced into the account the URL names
(`queue_manager.crm_sync.webhooks`)."""

from typing import Any

from queue_manager.crm_sync.webhooks import apply_changes
from shared.models.crm_more_tokens import ZohoToken


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    return await apply_changes(ZohoToken, "zoho", event)
