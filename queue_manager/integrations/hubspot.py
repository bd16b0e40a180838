"""HubSpot's contact events: each changed record synced into the accounts it concerns
(`queue_manager.crm_sync.webhooks`)."""

from typing import Any

from queue_manager.crm_sync.webhooks import apply_changes
from shared.models.crm_tokens import HubspotToken


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    return await apply_changes(HubspotToken, "hubspot", event)
