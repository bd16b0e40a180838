"""An account's lifecycle, written in one place whoever changes it (the agency on its
sub-account through internal_api, the queue manager's active-account check):

    active --suspend--> suspended --reactivate--> active
    active or suspended --delete--> deleted --restore (within RESTORE_PERIOD)--> active
    deleted for longer than RESTORE_PERIOD --purge (`purge.py`)--> gone

A suspended or deleted account keeps its data. Its sessions stay live but are refused
everywhere but where they leave it (`SessionState.closed_account`: the router answers 403
`account_suspended` / `account_deleted`), so its users can switch to another account; their
cached states are dropped at the change and its sockets closed (`account_closed` event).

Its work is held, not dropped: a webhook delivery or an automation run of an account that is
not active is marked `held` by the task that would have sent or run it (`hold_if_closed`), and
released when the account is active again: held deliveries come due at once, so the webhook
retry cron (every minute) sends them in their endpoints' pace; held runs are pending again, so
the automation sweep (every five minutes) queues them. Each hold is counted on the document,
so the job after a release has a task id of its own.
"""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from beanie import PydanticObjectId
from redis.asyncio import Redis

from shared.domain.accounts import repository
from shared.domain.accounts.errors import (
    AlreadyDeleted,
    AlreadySuspended,
    NotDeleted,
    NotSuspended,
    RestorePeriodOver,
)
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.utilities import session_events, sessions
from shared.utilities.errors import Conflict, NotFound

# How long a deleted account can be restored; then it is purged.
RESTORE_PERIOD = timedelta(days=30)

ACTIVE, SUSPENDED, DELETED = AccountStatus.ACTIVE, AccountStatus.SUSPENDED, AccountStatus.DELETED


@dataclass(frozen=True)
class Transition:
    to: AccountStatus
    # The statuses it cannot leave, each with its refusal.
    refused: Mapping[AccountStatus, type[Conflict]]
    # What else the account must match (restore: deleted recently enough), and the refusal
    # when it does not.
    filters: Callable[[], dict[str, Any]] = field(default=dict)
    unmatched: type[Conflict] = Conflict

    @property
    def allowed(self) -> list[AccountStatus]:
        return [status for status in AccountStatus if status not in self.refused]


def deleted_recently() -> dict[str, Any]:
    return {"status_since": {"$gt": utc_now() - RESTORE_PERIOD}}


SUSPEND = Transition(SUSPENDED, {SUSPENDED: AlreadySuspended, DELETED: AlreadyDeleted})
REACTIVATE = Transition(ACTIVE, {ACTIVE: NotSuspended, DELETED: AlreadyDeleted})
DELETE = Transition(DELETED, {DELETED: AlreadyDeleted})
RESTORE = Transition(
    ACTIVE,
    {ACTIVE: NotDeleted, SUSPENDED: NotDeleted},
    filters=deleted_recently,
    unmatched=RestorePeriodOver,
)


async def suspend(redis: Redis, account: Account, reason: str | None = None) -> Account:
    return await change(redis, account, SUSPEND, reason)


async def reactivate(redis: Redis, account: Account) -> Account:
    return await change(redis, account, REACTIVATE)


async def delete(redis: Redis, account: Account) -> Account:
    return await change(redis, account, DELETE)


async def restore(redis: Redis, account: Account) -> Account:
    return await change(redis, account, RESTORE)


async def change(
    redis: Redis, account: Account, transition: Transition, reason: str | None = None
) -> Account:
    """The account moved along the transition, or the refusal its status calls for (nothing
    changed); then its sessions and held work follow."""
    assert account.id is not None, "a stored account"
    changed = await repository.change_status(
        account.id, transition.allowed, transition.to, utc_now(), reason, transition.filters()
    )
    current = await repository.account(account.id)
    if current is None:
        raise NotFound(f"Account {account.id} does not exist.")
    if not changed:
        raise transition.refused.get(current.status, transition.unmatched)()
    await follow(redis, current)
    return current


async def follow(redis: Redis, account: Account) -> None:
    """Its sessions read their state anew (refused, or let in again) and, once active, its
    held work released; a closed account's sockets are told and closed."""
    assert account.id is not None, "a stored account"
    if account.status is ACTIVE:
        await repository.release_held(account.id, utc_now())
    await sessions.forget_sessions_of(redis, account_id=account.id)
    if account.status is not ACTIVE:
        await session_events.account_closed(redis, account.id)


async def is_active(account_id: PydanticObjectId) -> bool:
    """False for an account suspended or deleted (one that no longer exists holds nothing)."""
    account = await repository.account(account_id)
    return account is None or account.status is ACTIVE


async def hold_if_closed(account_id: PydanticObjectId, hold: Callable[[], Awaitable[None]]) -> bool:
    """Hold some of the account's work (`hold()` marks it held) if the account is not active;
    True when it was. Checked again once held: a reactivation in between released nothing of
    it, so it is released here (and then sent by the crons, as after any release)."""
    if await is_active(account_id):
        return False
    await hold()
    if await is_active(account_id):
        await repository.release_held(account_id, utc_now())
    return True


async def suspend_ended(redis: Redis, grace: timedelta, batch: int) -> int:
    """Suspend every active account whose `active_until` is more than `grace` ago; returns
    how many. An account changed meanwhile (suspended, deleted) is left as it is."""
    suspended = 0
    while ended := await repository.active_accounts_ended_before(utc_now() - grace, batch):
        for account in ended:
            assert account.active_until is not None, "selected by its active_until"
            reason = f"Its active period ended on {account.active_until:%Y-%m-%d}."
            try:
                await suspend(redis, account, reason)
                suspended += 1
            except (AlreadySuspended, AlreadyDeleted):
                pass
    return suspended
