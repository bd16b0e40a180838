"""A CRM's verified webhook event (queue `integrations`): its changed records applied to each
account it concerns, by the external API. A per-account URL (Pipedrive, Salesforce) names the
account; an app-wide one (HubSpot) names the CRM account, connected to any number of ours."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.crm_sync.client import ask
from shared.domain.crm_sync.repository import is_syncing, syncing_accounts
from shared.models.integration_credential import IntegrationCredential


async def accounts_of(
    credential: type[IntegrationCredential], provider: str, data: dict[str, Any]
) -> list[PydanticObjectId]:
    if data.get("account_id"):
        account_id = PydanticObjectId(data["account_id"])
        return [account_id] if await is_syncing(account_id, provider) else []
    return await syncing_accounts(credential, provider, str(data["external_account"]))


async def apply_changes(
    credential: type[IntegrationCredential], provider: str, event: dict[str, Any]
) -> dict[str, Any]:
    data = event["data"]
    applied = {}
    for account_id in await accounts_of(credential, provider, data):
        answer = await ask(provider, str(account_id), "changes", {"changes": data["changes"]})
        applied[str(account_id)] = answer["outcomes"]
    return {"applied": applied}
