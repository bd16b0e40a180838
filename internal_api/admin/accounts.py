"""Accounts as operators see them: searched across the platform, viewed with their members and
feature flags, suspended and reactivated through the accounts' lifecycle (the same rules and
effects as an agency's suspension of its sub-account: its sessions refused at once, its work
held)."""

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.admin import audit, repository
from internal_api.admin.schemas import AccountFilters
from internal_api.extended import Extended
from shared.domain.accounts import lifecycle
from shared.domain.feature_flags import flags
from shared.models.account import Account
from shared.models.admin_audit_entry import AdminAction
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams


async def search(params: PageParams, filters: AccountFilters) -> Page[Account]:
    return await repository.search_accounts(params, filters.search, filters.kind, filters.status)


async def get(account_id: str) -> Account:
    found = await repository.account(account_id)
    if found is None:
        raise NotFound(f"Account {account_id} does not exist.")
    return found


async def view(account_id: str) -> Extended[Account]:
    """The account with its members, its number of sub-accounts and its feature flags."""
    account = await get(account_id)
    assert account.id is not None, "a stored account"
    members = [
        {
            "user_id": user.id,
            "email": user.email,
            "name": user.name,
            "role": membership.role,
            "joined_at": membership.created_at,
        }
        for membership, user in await repository.members(account.id)
    ]
    return Extended(
        account,
        members=members,
        sub_accounts=await repository.sub_account_count(account.id),
        feature_flags=await flag_states(account.id),
    )


async def suspend(operator: Principal, account_id: str, reason: str, redis: Redis) -> Account:
    """The account's sessions are refused from their next request, its webhooks and automation
    runs held; the reason is the account's status reason too."""
    account = await lifecycle.suspend(redis, await get(account_id), reason)
    await audit.record(
        operator,
        AdminAction.ACCOUNT_SUSPENDED,
        ("account", account.id),
        reason,
        account_id=account.id,
    )
    return account


async def reactivate(operator: Principal, account_id: str, reason: str, redis: Redis) -> Account:
    account = await lifecycle.reactivate(redis, await get(account_id))
    await audit.record(
        operator,
        AdminAction.ACCOUNT_REACTIVATED,
        ("account", account.id),
        reason,
        account_id=account.id,
    )
    return account


async def feature_flags(account_id: str) -> list[dict]:
    account = await get(account_id)
    assert account.id is not None, "a stored account"
    return await flag_states(account.id)


async def flag_states(account_id: PydanticObjectId) -> list[dict]:
    current = await flags.flags_of(account_id)
    return [
        {
            "name": name,
            "description": flag.description,
            "default": flag.default,
            "enabled": current[name],
        }
        for name, flag in flags.FLAGS.items()
    ]


async def set_flag(
    operator: Principal, account_id: str, name: str, enabled: bool, reason: str
) -> list[dict]:
    """The account's flags once this one is set."""
    flag = flags.FLAGS.get(name)
    if flag is None:
        known = ", ".join(sorted(flags.FLAGS))
        raise InvalidInput(
            f"No feature flag is named {name}: one of {known}.",
            details=[{"field": "flag", "message": f"one of {known}"}],
            location="path",
        )
    account = await get(account_id)
    assert account.id is not None, "a stored account"
    await flags.set_flag(account.id, flag, enabled, PydanticObjectId(operator.sub))
    await audit.record(
        operator,
        AdminAction.FEATURE_FLAG_SET,
        ("account", account.id),
        reason,
        account_id=account.id,
        details={"flag": name, "enabled": enabled},
    )
    return await flag_states(account.id)
