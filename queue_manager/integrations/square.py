"""Square's webhook events: a customer or payment they carry copied into the Square billing
collections of every account that connected the seller (`merchant_id`); a changed catalog read
again by the external API, which holds the tokens, for each of those accounts."""

from typing import Any

from queue_manager.external.client import call
from shared.domain.billing.repository import accounts_connected_to
from shared.domain.billing.square_objects import SquareKind, store_square_object

CATALOG_UPDATED = "catalog.version.updated"


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    data = event["data"]
    merchant_id = data["merchant_id"]
    accounts = await accounts_connected_to(merchant_id)
    if not accounts:
        return {"skipped": "no account has connected this Square seller"}
    if event["type"] == CATALOG_UPDATED:
        for account_id in accounts:
            await call("POST", f"/v1/e/square/accounts/{account_id}/catalog/sync")
        return {"catalog_synced": len(accounts)}
    kind = SquareKind(data["kind"])
    stored = 0
    for account_id in accounts:
        stored += await store_square_object(
            account_id, merchant_id, kind, data["object"], deleted=data["deleted"]
        )
    return {"stored": stored}
