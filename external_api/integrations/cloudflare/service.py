"""A verified custom domain's TLS at Cloudflare: its custom hostname made (once, however often
asked: an existing one for the hostname is taken up again) and read back, the certificate's
status and expiry kept on the domain for the dashboard and the renewal cron."""

from contextlib import suppress
from datetime import datetime

from dateutil.parser import isoparse

from external_api.integrations.cloudflare.client import CloudflareClient, CustomHostname
from external_api.integrations.cloudflare.errors import DomainNotVerified
from external_api.integrations.cloudflare.repository import DomainRepository
from shared.models.custom_domain import CustomDomain, DomainStatus, TlsStatus
from shared.utilities.errors import NotFound

# Cloudflare's certificate statuses on the way to `active`; any other is a failure
# (`validation_timed_out`, `issuance_timed_out`, `deleted`, ...).
ISSUING = frozenset(
    {"initializing", "pending_validation", "pending_issuance", "pending_deployment", ""}
)


async def sync_tls(
    cloudflare: CloudflareClient | None, account_id: str, domain_id: str
) -> CustomDomain:
    """The domain with its certificate's state; unchanged where Cloudflare is not configured."""
    domain = await DomainRepository(account_id).get(domain_id)
    if domain.status is not DomainStatus.VERIFIED:
        raise DomainNotVerified()
    if cloudflare is None:
        return domain
    apply(domain, await current_hostname(cloudflare, domain))
    await domain.save_changes()  # an update: a domain deleted meanwhile is not stored again
    return domain


async def current_hostname(cloudflare: CloudflareClient, domain: CustomDomain) -> CustomHostname:
    if domain.cloudflare_hostname_id:
        try:
            return await cloudflare.get(domain.cloudflare_hostname_id)
        except NotFound:
            pass  # removed at Cloudflare: made again
    return await cloudflare.find(domain.hostname) or await cloudflare.create(domain.hostname)


def apply(domain: CustomDomain, hostname: CustomHostname) -> None:
    domain.cloudflare_hostname_id = hostname.id
    status = hostname.ssl.status
    if status == "active":
        domain.tls_status = TlsStatus.ACTIVE
    else:
        domain.tls_status = TlsStatus.PENDING if status in ISSUING else TlsStatus.FAILED
    expiry = latest_expiry(hostname)
    if expiry != domain.certificate_expires_at:
        domain.certificate_expires_at = expiry
        domain.expiry_alert_sent = False


def latest_expiry(hostname: CustomHostname) -> datetime | None:
    expiries = [isoparse(cert.expires_on) for cert in hostname.ssl.certificates if cert.expires_on]
    return max(expiries, default=None)


async def release(cloudflare: CloudflareClient | None, hostname_id: str) -> None:
    """A deleted domain's custom hostname removed; one already gone counts as removed."""
    if cloudflare is None:
        return
    with suppress(NotFound):
        await cloudflare.delete(hostname_id)
