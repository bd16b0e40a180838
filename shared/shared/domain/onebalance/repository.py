"""Every query of OneBalance's collections. The wallet's balance moves only through `apply`,
`finish` and `undo` (`shared.domain.onebalance.ledger` orders them); they address a wallet by
its id, which the caller has already read through the account's scope."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from shared.models.onebalance_movement import MovementKind, OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.models.twilio_number import TwilioNumber
from shared.utilities.repository import TenantRepository, object_id


class WalletRepository(TenantRepository[OnebalanceWallet]):
    noun = "OneBalance wallet"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(OnebalanceWallet, account_id)

    async def wallet(self) -> OnebalanceWallet | None:
        return await self.find_one({})


class MovementRepository(TenantRepository[OnebalanceMovement]):
    noun = "OneBalance movement"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(OnebalanceMovement, account_id)


def wallets() -> Any:
    return OnebalanceWallet.get_motor_collection()


async def wallet_terms(account_id: str | PydanticObjectId) -> OnebalanceWallet | None:
    """The account's wallet without its pending movements: what pricing a charge reads (every
    charge reads it, and a busy wallet holds many in flight)."""
    oid = object_id(account_id)
    raw = await wallets().find_one({"account_id": oid}, {"pending": False}) if oid else None
    return OnebalanceWallet.model_validate(raw) if raw else None


async def wallet_by_id(wallet_id: PydanticObjectId) -> OnebalanceWallet | None:
    return await OnebalanceWallet.find_one({"_id": wallet_id})


async def apply(
    wallet_id: PydanticObjectId, key: str, delta: int, floor: int | None, pending: dict
) -> dict | None:
    """Moves the balance by `delta` and records the movement as pending, in one update; None
    when the movement is already pending or the balance would end below `floor`."""
    query: dict[str, Any] = {"_id": wallet_id, "pending.key": {"$ne": key}}
    if floor is not None and delta < 0:
        query["balance"] = {"$gte": floor - delta}
    return await wallets().find_one_and_update(
        query,
        {"$inc": {"balance": delta}, "$push": {"pending": pending}},
        projection={"balance": True},
        return_document=ReturnDocument.AFTER,
    )


async def finish(wallet_id: PydanticObjectId, key: str) -> None:
    await wallets().update_one({"_id": wallet_id}, {"$pull": {"pending": {"key": key}}})


async def undo(wallet_id: PydanticObjectId, key: str, delta: int) -> None:
    """Takes back a pending movement that must not be stored (its twin already is)."""
    await wallets().update_one(
        {"_id": wallet_id, "pending.key": key},
        {"$inc": {"balance": -delta}, "$pull": {"pending": {"key": key}}},
    )


async def insert_movement(movement: OnebalanceMovement) -> bool:
    """Whether this stored it: False when a movement with its key already is."""
    try:
        await movement.insert()
    except DuplicateKeyError:
        return False
    return True


async def movement_by_key(key: str) -> OnebalanceMovement | None:
    return await OnebalanceMovement.find_one({"_id": key})


async def ledger_sum(ledger: str) -> int:
    """A ledger's balance, derived from every entry on it."""
    rows = await OnebalanceMovement.aggregate(
        [
            {"$match": {"entries.ledger": ledger}},
            {"$unwind": "$entries"},
            {"$match": {"entries.ledger": ledger}},
            {"$group": {"_id": None, "sum": {"$sum": "$entries.amount"}}},
        ]
    ).to_list()
    return rows[0]["sum"] if rows else 0


async def ledger_totals(ledger: str) -> tuple[int, int]:
    """A ledger's balance derived from its entries, and how many of its movements do not
    balance (their entries' sum is not zero), in one pass."""
    on_ledger = {"$eq": ["$entries.ledger", ledger]}
    rows = await OnebalanceMovement.aggregate(
        [
            {"$match": {"entries.ledger": ledger}},
            {"$unwind": "$entries"},
            {
                "$group": {
                    "_id": "$_id",
                    "sum": {"$sum": "$entries.amount"},
                    "here": {"$sum": {"$cond": [on_ledger, "$entries.amount", 0]}},
                }
            },
            {
                "$group": {
                    "_id": None,
                    "derived": {"$sum": "$here"},
                    "unbalanced": {"$sum": {"$cond": [{"$ne": ["$sum", 0]}, 1, 0]}},
                }
            },
        ]
    ).to_list()
    return (rows[0]["derived"], rows[0]["unbalanced"]) if rows else (0, 0)


async def wallet_ledger_sums() -> tuple[dict[str, int], int]:
    """Every wallet ledger's sum, and how many movements do not balance, in two passes over
    the whole ledger (the benchmark's check of many wallets at once)."""
    sums = await OnebalanceMovement.aggregate(
        [
            {"$unwind": "$entries"},
            {"$match": {"entries.ledger": {"$regex": "^wallet:"}}},
            {"$group": {"_id": "$entries.ledger", "sum": {"$sum": "$entries.amount"}}},
        ]
    ).to_list()
    unbalanced = await OnebalanceMovement.aggregate(
        [
            {"$project": {"sum": {"$sum": "$entries.amount"}}},
            {"$match": {"sum": {"$ne": 0}}},
            {"$count": "unbalanced"},
        ]
    ).to_list()
    return {row["_id"]: row["sum"] for row in sums}, unbalanced[0][
        "unbalanced"
    ] if unbalanced else 0


async def all_wallets() -> list[OnebalanceWallet]:
    return await OnebalanceWallet.find({}).to_list()


async def wallets_with_stale_pending(before: datetime, limit: int) -> list[OnebalanceWallet]:
    """Wallets holding a movement pending since before `before`: its process died half-way."""
    query = {"pending.since": {"$lt": before}}
    return await OnebalanceWallet.find(query).limit(limit).to_list()


async def usage_by_month(
    agency_id: PydanticObjectId, start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """Each sub-account's usage per month, action and currency between `start` and `end`."""
    return await OnebalanceMovement.aggregate(
        [
            {
                "$match": {
                    "agency_id": agency_id,
                    "kind": MovementKind.USAGE.value,
                    "created_at": {"$gte": start, "$lt": end},
                }
            },
            {
                "$group": {
                    "_id": {
                        "account_id": "$account_id",
                        "year": {"$year": "$created_at"},
                        "month": {"$month": "$created_at"},
                        "action": "$action",
                        "currency": "$currency",
                    },
                    "quantity": {"$sum": "$quantity"},
                    "cost": {"$sum": "$cost"},
                    "markup": {"$sum": "$markup"},
                    "charges": {"$sum": 1},
                }
            },
        ]
    ).to_list()


async def claim_low_balance_alert(wallet: OnebalanceWallet) -> bool:
    """Whether this call is the one to tell of the fall (the flag was down)."""
    result = await wallets().update_one(
        {"_id": wallet.id, "low_balance_alerted": False}, {"$set": {"low_balance_alerted": True}}
    )
    return result.modified_count == 1


async def rearm_low_balance_alert(wallet: OnebalanceWallet) -> None:
    await wallets().update_one({"_id": wallet.id}, {"$set": {"low_balance_alerted": False}})


async def claim_reload(
    wallet: OnebalanceWallet, key: str, window_start: datetime, now: datetime
) -> bool:
    """Whether this call claimed the wallet's reload: none in the window, none under way."""
    result = await wallets().update_one(
        {
            "_id": wallet.id,
            "reload_key": None,
            "$or": [{"last_reload_at": None}, {"last_reload_at": {"$lt": window_start}}],
        },
        {"$set": {"reload_key": key, "last_reload_at": now}},
    )
    return result.modified_count == 1


async def end_reload(wallet: OnebalanceWallet, key: str, failure: str | None) -> None:
    await wallets().update_one(
        {"_id": wallet.id, "reload_key": key},
        {"$set": {"reload_key": None, "last_reload_failure": failure}},
    )


async def wallets_to_reload(limit: int) -> list[OnebalanceWallet]:
    query = {
        "auto_reload.enabled": True,
        "$expr": {"$lt": ["$balance", "$auto_reload.threshold"]},
    }
    return await OnebalanceWallet.find(query).limit(limit).to_list()


FIRST_ID = PydanticObjectId("0" * 24)  # below every ObjectId


async def numbers_of_metered_accounts(
    after: PydanticObjectId | None, limit: int
) -> list[TwilioNumber]:
    """The phone numbers of the accounts that have a wallet, in id order from `after`: a walk
    of `_id`'s index from `after` (the first page from the lowest id), keeping the metered."""
    account_ids = await OnebalanceWallet.distinct("account_id")
    query: dict[str, Any] = {
        "_id": {"$gt": after or FIRST_ID},
        "account_id": {"$in": account_ids},
    }
    return await TwilioNumber.find(query).sort("_id").limit(limit).to_list()
