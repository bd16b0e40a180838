"""Every query of custom domains that is not one tenant's list: claiming a hostname, the
crons' batches, the public routing."""

from datetime import datetime

from pymongo.errors import DuplicateKeyError

from shared.models.account import Account
from shared.models.custom_domain import CustomDomain, DomainStatus, TlsStatus


async def verified(hostname: str) -> CustomDomain | None:
    return await CustomDomain.find_one(CustomDomain.verified_hostname == hostname)


async def dashboard_domain_taken(hostname: str) -> bool:
    """Whether an account's dashboard is served on the hostname (`Branding.custom_domain`)."""
    return await Account.find_one({"branding.custom_domain": hostname}) is not None


async def mark_verified(domain: CustomDomain, now: datetime) -> bool:
    """The domain verified, in MongoDB and on `domain`; False, nothing changed, when another
    domain holds the hostname (the unique `verified_hostname`). A query update: a document's
    own save would report the clash as a revision conflict."""
    changes = {
        "status": DomainStatus.VERIFIED.value,
        "verified_hostname": domain.hostname,
        "verified_at": now,
        "last_checked_at": now,
        "updated_at": now,
    }
    try:
        await CustomDomain.find_one({"_id": domain.id}).update(
            {"$set": changes, "$unset": {"failure": ""}}
        )
    except DuplicateKeyError:
        return False
    domain.status, domain.verified_hostname = DomainStatus.VERIFIED, domain.hostname
    domain.verified_at = domain.last_checked_at = domain.updated_at = now
    domain.failure = None
    return True


async def record_check(
    domain: CustomDomain, now: datetime, status: DomainStatus, failure: str | None = None
) -> None:
    """An unproving check by the cron: counted, and the domain failed when `failure` says why."""
    changes = {"status": status.value, "last_checked_at": now, "updated_at": now}
    if failure:
        changes["failure"] = failure
    await CustomDomain.find_one({"_id": domain.id}).update({"$set": changes, "$inc": {"checks": 1}})
    domain.status, domain.last_checked_at, domain.failure = status, now, failure
    domain.checks += 1


async def pending_checked_before(moment: datetime, limit: int) -> list[CustomDomain]:
    """Pending domains not checked since `moment`, the least recently checked first (a never
    checked one has no `last_checked_at`, which sorts first)."""
    pending = DomainStatus.PENDING.value
    due = {"$or": [{"last_checked_at": {"$exists": False}}, {"last_checked_at": {"$lt": moment}}]}
    return (
        await CustomDomain.find({"status": pending, **due})
        .sort("last_checked_at")
        .limit(limit)
        .to_list()
    )


async def certificates_to_refresh(expiring_before: datetime, limit: int) -> list[CustomDomain]:
    """Domains whose certificate Cloudflare is still issuing, or that expires soon: what the
    renewal cron asks Cloudflare about."""
    issuing = {"tls_status": TlsStatus.PENDING.value}
    expiring = {
        "tls_status": TlsStatus.ACTIVE.value,
        "certificate_expires_at": {"$lt": expiring_before},
    }
    return await CustomDomain.find({"$or": [issuing, expiring]}).limit(limit).to_list()


async def expiring_unalerted(expiring_before: datetime, limit: int) -> list[CustomDomain]:
    """Active certificates expiring before the moment whose account was not told yet."""
    expiring = {
        "tls_status": TlsStatus.ACTIVE.value,
        "certificate_expires_at": {"$lt": expiring_before},
        "expiry_alert_sent": False,
    }
    return await CustomDomain.find(expiring).sort("certificate_expires_at").limit(limit).to_list()


async def mark_alerted(domain: CustomDomain) -> None:
    domain.expiry_alert_sent = True
    await CustomDomain.find_one({"_id": domain.id}).update({"$set": {"expiry_alert_sent": True}})
