"""Proving a custom domain by DNS, on the account's request or by the validation cron.

A domain is proven when its `verification_token` is one of the TXT values at its `record_name`
(`_platform-verify.<hostname>`). Proving it claims the hostname (`verified_hostname`, unique):
a second account that proves the same hostname gets `DomainTaken`, and nothing of it changes.
A verified domain then asks for its TLS certificate (the queue manager asks the external API,
which provisions a Cloudflare custom hostname where Cloudflare is configured) and the account's
dashboards hear of it on the general socket (`domain:verified`).

The cron re-checks each pending domain every DOMAINS_RECHECK_MINUTES; one still unproven
DOMAINS_VALIDATION_DAYS after it was added is marked failed and its account told, once
(`domain_verification_failed`). A failed domain is checked again only when its account asks.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.domain.domains import repository
from shared.domain.domains.errors import DomainAlreadyVerified, DomainNotProven, DomainTaken
from shared.domain.domains.settings import DomainSettings
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.base import utc_now
from shared.models.custom_domain import CustomDomain, DomainStatus
from shared.utilities.dns import DnsUnavailable, TxtResolver
from shared.utilities.outbox import emit, enqueue_job
from shared.utilities.realtime import Socket, account_room
from shared.utilities.task_names import LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS

FAILED_EVENT = "domain_verification_failed"


def resolver_for(settings: DomainSettings) -> TxtResolver:
    return TxtResolver(settings.domains_dns_nameservers, settings.domains_dns_timeout_seconds)


async def proves(domain: CustomDomain, resolver: TxtResolver) -> bool:
    return domain.verification_token in await resolver.txt_values(domain.record_name)


async def verify_now(domain: CustomDomain, resolver: TxtResolver) -> CustomDomain:
    """The account's own check: the domain verified, or `DomainNotProven` with nothing changed."""
    if domain.status is DomainStatus.VERIFIED:
        raise DomainAlreadyVerified()
    if not await proves(domain, resolver):
        raise DomainNotProven(
            f"No TXT record at {domain.record_name} holds the domain's token yet; DNS changes "
            "may take a while to show."
        )
    await claim(domain)
    return domain


async def claim(domain: CustomDomain) -> None:
    """The hostname made the domain's account's; `DomainTaken` when another account has it."""
    if await repository.dashboard_domain_taken(domain.hostname):
        raise DomainTaken()
    if not await repository.mark_verified(domain, utc_now()):
        raise DomainTaken()
    enqueue_job(
        LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS,
        task_id=f"provision_tls:{domain.id}:{domain.verified_at.isoformat()}",
        domain_id=str(domain.id),
        account_id=str(domain.account_id),
    )
    emit(Socket.GENERAL, "domain:verified", domain_summary(domain), account_room(domain.account_id))


def domain_summary(domain: CustomDomain) -> dict[str, str]:
    return {
        "id": str(domain.id),
        "hostname": domain.hostname,
        "status": domain.status.value,
        "tls_status": domain.tls_status.value,
    }


@dataclass(frozen=True)
class Sweep:
    verified: int = 0
    failed: int = 0
    pending: int = 0


async def recheck_pending(settings: DomainSettings, batch: int) -> Sweep:
    """One run of the validation cron over the pending domains due a check."""
    now = utc_now()
    due = now - timedelta(minutes=settings.domains_recheck_minutes)
    deadline = now - timedelta(days=settings.domains_validation_days)
    resolver = resolver_for(settings)
    counts = {DomainStatus.VERIFIED: 0, DomainStatus.FAILED: 0, DomainStatus.PENDING: 0}
    for domain in await repository.pending_checked_before(due, batch):
        try:
            status = await recheck(domain, resolver, now, deadline)
        except DnsUnavailable:
            break  # DNS is down: every domain would look unproven; the next run tries again
        counts[status] += 1
    return Sweep(
        counts[DomainStatus.VERIFIED], counts[DomainStatus.FAILED], counts[DomainStatus.PENDING]
    )


async def recheck(
    domain: CustomDomain, resolver: TxtResolver, now: datetime, deadline: datetime
) -> DomainStatus:
    if await proves(domain, resolver):
        try:
            await claim(domain)
            return DomainStatus.VERIFIED
        except DomainTaken:
            return await fail(domain, now, DomainTaken.code)
    if domain.created_at < deadline:
        return await fail(domain, now, DomainNotProven.code)
    await repository.record_check(domain, now, DomainStatus.PENDING)
    return DomainStatus.PENDING


async def fail(domain: CustomDomain, now: datetime, reason: str) -> DomainStatus:
    await repository.record_check(domain, now, DomainStatus.FAILED, reason)
    await tell(
        FAILED_EVENT,
        domain.account_id,
        {"hostname": domain.hostname, "record_name": domain.record_name, "reason": reason},
        links={"domain_url": dashboard_paths.custom_domain(domain.id)},
        key=str(domain.id),
    )
    return DomainStatus.FAILED
