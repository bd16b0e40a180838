"""Custom domains for tests: `create_domain(account, **overrides)` stores a pending one."""

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.custom_domain import CustomDomain, DomainStatus, DomainTarget


async def create_domain(
    account: Account, hostname: str = "www.acme.test", **overrides
) -> CustomDomain:
    fields = {
        "account_id": account.id,
        "hostname": hostname,
        "target_type": DomainTarget.SITE,
        "target_id": "site-1",
        "verification_token": "token-1",
    }
    return await CustomDomain(**{**fields, **overrides}).insert()


async def create_verified_domain(
    account: Account, hostname: str = "www.acme.test", **overrides
) -> CustomDomain:
    verified = {
        "status": DomainStatus.VERIFIED,
        "verified_hostname": hostname,
        "verified_at": utc_now(),
    }
    return await create_domain(account, hostname, **{**verified, **overrides})
