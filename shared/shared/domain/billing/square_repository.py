"""Every query of the Square copies: the atomic upsert, and the accounts a merchant connected."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.square_record import SquareRecord
from shared.models.square_token import SquareToken


async def upsert_square_object(
    model: type[SquareRecord],
    account_id: PydanticObjectId,
    fields: dict[str, Any],
    updated_at: datetime,
) -> bool:
    """One atomic update keyed on (account, Square id), applied only over an older view, so a
    sync's page and a webhook racing cannot put an older view over a newer one. A view as new
    as the stored one writes nothing (a redelivered webhook, a second sync)."""
    now = utc_now()
    values = {**fields, "square_updated_at": updated_at, "updated_at": now}
    key = {"account_id": account_id, "square_id": fields["square_id"]}
    older = {"square_updated_at": {"$lt": updated_at}}
    try:
        result = await model.get_motor_collection().update_one(
            {**key, **older},
            {"$set": values, "$setOnInsert": {"created_at": now}},
            upsert=True,
        )
    except DuplicateKeyError:
        # The copy exists and is as new or newer: the filter missed it, the upsert hit the key.
        return False
    return result.modified_count > 0 or result.upserted_id is not None


async def accounts_connected_to(merchant_id: str) -> list[PydanticObjectId]:
    """The accounts that connected this Square seller."""
    tokens = await SquareToken.find({"external_id": merchant_id}).to_list()
    return [token.account_id for token in tokens]
