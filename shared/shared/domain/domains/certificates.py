"""Custom domains' certificates coming to their end: the account told once per certificate
(`domain_certificate_expiring`), DOMAINS_CERTIFICATE_ALERT_DAYS ahead. Cloudflare renews a
certificate by itself; an alert says its renewal has not shown yet (the hostname stopped
pointing at the platform, say), while there is time to mend it."""

from datetime import datetime, timedelta

from shared.domain.domains import repository
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.custom_domain import CustomDomain

EXPIRING_EVENT = "domain_certificate_expiring"


def alert_horizon(now: datetime, alert_days: int) -> datetime:
    return now + timedelta(days=alert_days)


async def alert_expiring(now: datetime, alert_days: int, batch: int) -> int:
    """Returns how many accounts were told of a certificate expiring soon."""
    expiring = await repository.expiring_unalerted(alert_horizon(now, alert_days), batch)
    for domain in expiring:
        await alert(domain)
    return len(expiring)


async def alert(domain: CustomDomain) -> None:
    expires = domain.certificate_expires_at
    assert expires is not None  # the query's
    await tell(
        EXPIRING_EVENT,
        domain.account_id,
        {"hostname": domain.hostname, "expires_on": expires.date().isoformat()},
        links={"domain_url": dashboard_paths.custom_domain(domain.id)},
        key=f"{domain.id}:{expires.isoformat()}",
    )
    await repository.mark_alerted(domain)
