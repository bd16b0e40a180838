"""Memberships and accounts, as the domain layer reads them, and what an account's lifecycle
writes: its status, the work held while it is not active, its purge."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.models.account import Account, AccountStatus
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import TenantDocument
from shared.models.membership import Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery


async def account(account_id: PydanticObjectId) -> Account | None:
    return await Account.get(account_id)


async def membership(account_id: PydanticObjectId, user_id: PydanticObjectId) -> Membership | None:
    return await Membership.find_one({"account_id": account_id, "user_id": user_id})


async def members_among(
    account_ids: Iterable[PydanticObjectId],
    user_ids: Iterable[PydanticObjectId],
    roles: Iterable[Role] | None = None,
) -> list[Membership]:
    """The memberships of these users in these accounts (in these roles, when given)."""
    query: dict = {"account_id": {"$in": list(account_ids)}, "user_id": {"$in": list(user_ids)}}
    if roles is not None:
        query["role"] = {"$in": [role.value for role in roles]}
    return await Membership.find(query).to_list()


async def session(session_id: PydanticObjectId) -> Session | None:
    return await Session.get(session_id)


async def user(user_id: PydanticObjectId) -> User | None:
    return await User.get(user_id)


async def session_by_token_hash(token_hash: str) -> Session | None:
    return await Session.find_one({"token_hash": token_hash})


async def mark_session_seen(token_hash: str, seen_at: datetime) -> None:
    await Session.find_one({"token_hash": token_hash}).update({"$set": {"last_seen_at": seen_at}})


async def session_token_hashes(
    *, user_id: PydanticObjectId | None = None, account_id: PydanticObjectId | None = None
) -> list[str]:
    """The token hashes of every session of the user, or (without one) in the account."""
    query = {"user_id": user_id} if user_id else {"account_id": account_id}
    return [record.token_hash async for record in Session.find(query)]


async def member_ids(account_id: PydanticObjectId) -> list[PydanticObjectId]:
    """The users with a membership of the account (not the agency's, acting in a sub-account)."""
    return [member.user_id async for member in Membership.find({"account_id": account_id})]


async def owner_verified(agency_id: PydanticObjectId) -> bool:
    """Whether an owner of the agency has confirmed their email."""
    owners = Membership.find({"account_id": agency_id, "role": Role.OWNER.value})
    owner_ids = [owner.user_id async for owner in owners]
    verified = {"_id": {"$in": owner_ids}, "email_verified_at": {"$ne": None}}
    return bool(owner_ids) and await User.find(verified).count() > 0


def in_statuses(statuses: Iterable[AccountStatus]) -> dict[str, Any]:
    """A filter on the status; an account stored before statuses existed has none: active."""
    wanted = list(statuses)
    values: list[str | None] = [status.value for status in wanted]
    if AccountStatus.ACTIVE in wanted:
        values.append(None)
    return {"$in": values}


async def change_status(
    account_id: PydanticObjectId,
    allowed: Iterable[AccountStatus],
    to: AccountStatus,
    at: datetime,
    reason: str | None,
    filters: dict[str, Any] | None = None,
) -> bool:
    """The account's status set to `to` if it is one of `allowed` (and it matches `filters`),
    in one write, so two changes at once cannot both pass; False when it was not."""
    update: dict[str, Any] = {"$set": {"status": to.value, "status_since": at, "updated_at": at}}
    if reason:
        update["$set"]["status_reason"] = reason
    else:
        update["$unset"] = {"status_reason": ""}
    query = {**(filters or {}), "_id": account_id, "status": in_statuses(allowed)}
    changed = await Account.get_motor_collection().update_one(query, update)
    return changed.modified_count > 0


async def accounts_in_status_since_before(
    status: AccountStatus, moment: datetime, limit: int
) -> list[Account]:
    """Accounts in the status since before `moment`, longest first."""
    query = {"status": status.value, "status_since": {"$lt": moment}}
    return await Account.find(query).sort("+status_since").limit(limit).to_list()


async def active_accounts_ended_before(moment: datetime, limit: int) -> list[Account]:
    """Active accounts whose `active_until` is before `moment`, earliest first."""
    query = {"status": in_statuses([AccountStatus.ACTIVE]), "active_until": {"$lt": moment}}
    return await Account.find(query).sort("+active_until").limit(limit).to_list()


async def hold_deliveries(delivery_ids: Iterable[PydanticObjectId | None]) -> None:
    """The pending deliveries among these held: not sent until released. Counted, so the
    attempt made after a release has a task id of its own."""
    await WebhookDelivery.get_motor_collection().update_many(
        {"_id": {"$in": list(delivery_ids)}, "status": DeliveryStatus.PENDING.value},
        {
            "$set": {"status": DeliveryStatus.HELD.value, "next_attempt_at": None},
            "$inc": {"holds": 1},
        },
    )


async def hold_run(run_id: PydanticObjectId | None) -> None:
    """The run held if still pending; counted, so its next job has a task id of its own."""
    await AutomationLog.get_motor_collection().update_one(
        {"_id": run_id, "status": RunStatus.PENDING.value},
        {"$set": {"status": RunStatus.HELD.value}, "$inc": {"holds": 1}},
    )


async def release_held(account_id: PydanticObjectId, now: datetime) -> None:
    """The account's held deliveries due now and its held runs pending again: the webhook
    retry cron and the automation sweep send them."""
    held = {"account_id": account_id, "status": DeliveryStatus.HELD.value}
    due = {"status": DeliveryStatus.PENDING.value, "next_attempt_at": now, "updated_at": now}
    await WebhookDelivery.get_motor_collection().update_many(held, {"$set": due})
    held = {"account_id": account_id, "status": RunStatus.HELD.value}
    pending = {"status": RunStatus.PENDING.value, "updated_at": now}
    await AutomationLog.get_motor_collection().update_many(held, {"$set": pending})


async def tenant_document_ids(
    model: type[TenantDocument], account_id: PydanticObjectId, limit: int
) -> list[PydanticObjectId]:
    """Some of the account's documents in the model's collection, by id only (a document an
    older version wrote need not parse to be deleted)."""
    found = model.get_motor_collection().find({"account_id": account_id}, {"_id": 1})
    return [document["_id"] async for document in found.limit(limit)]


async def delete_by_ids(model: type[TenantDocument], ids: list[PydanticObjectId]) -> None:
    await model.get_motor_collection().delete_many({"_id": {"$in": ids}})


async def delete_deleted_account(account_id: PydanticObjectId) -> None:
    """The account document removed, if it is (still) deleted."""
    await Account.find({"_id": account_id, "status": AccountStatus.DELETED.value}).delete()


async def user_by_email(email: str) -> User | None:
    """The user with the email (stored lower-cased: give it lower-cased)."""
    return await User.find_one({"email": email})


async def unrevoked_sessions(user_id: PydanticObjectId) -> list[Session]:
    return await Session.find({"user_id": user_id, "revoked_at": None}).to_list()


async def platform_operators() -> list[User]:
    return await User.find({"platform_operator": True}).sort("+email").to_list()
