"""Every query of custom domains that is not one tenant's (the crons', the public routing)."""

from datetime import datetime

from shared.models.custom_domain import CustomDomain, DomainStatus, TlsStatus


async def verified(hostname: str) -> CustomDomain | None:
    return await CustomDomain.find_one(CustomDomain.verified_hostname == hostname)


async def pending_checked_before(moment: datetime, limit: int) -> list[CustomDomain]:
    """Pending domains not checked since `moment` (never-checked ones first)."""
    never = {"status": DomainStatus.PENDING.value, "last_checked_at": None}
    return (
        await CustomDomain.find(
            {
                "$or": [
                    never,
                    {"status": DomainStatus.PENDING.value, "last_checked_at": {"$lt": moment}},
                ]
            }
        )
        .sort("last_checked_at")
        .limit(limit)
        .to_list()
    )


async def certificates_expiring_before(moment: datetime, limit: int) -> list[CustomDomain]:
    return (
        await CustomDomain.find(
            CustomDomain.tls_status == TlsStatus.ACTIVE,
            CustomDomain.certificate_expires_at < moment,
        )
        .sort("certificate_expires_at")
        .limit(limit)
        .to_list()
    )


async def tls_pending(limit: int) -> list[CustomDomain]:
    return (
        await CustomDomain.find(CustomDomain.tls_status == TlsStatus.PENDING).limit(limit).to_list()
    )
