"""Custom domains' crons.

`lightning_domain_validation` (QM_LIGHTNING_DOMAIN_VALIDATION, every five minutes): each
pending domain due a check is looked up in DNS again (`shared.domain.domains.verification`):
proven, it is verified and its certificate asked for; unproven past its validation window, it
fails and its account is told.

`lightning_domain_renewal` (QM_LIGHTNING_DOMAIN_RENEWAL, hourly): certificates Cloudflare is
still issuing, and those expiring within the alert window, are read back from Cloudflare through
the external API (a renewed one shows its new expiry); the accounts of those still expiring soon
are told, once per certificate (`shared.domain.domains.certificates`).
"""

from queue_manager.celery import app, settings
from queue_manager.external.client import call
from queue_manager.queues.domains import GONE, tls_path
from shared.domain.domains import repository
from shared.domain.domains.certificates import alert_expiring, alert_horizon
from shared.domain.domains.verification import recheck_pending
from shared.models.base import utc_now
from shared.utilities.task_names import (
    LIGHTNING_DOMAIN_RENEWAL_WATCH_CERTIFICATES,
    LIGHTNING_DOMAIN_VALIDATION_RECHECK_PENDING,
)
from shared.utilities.worker import platform_task

BATCH = 200


@platform_task(app, LIGHTNING_DOMAIN_VALIDATION_RECHECK_PENDING)
async def recheck() -> dict:
    """Returns how many domains were verified, failed, or stay pending."""
    sweep = await recheck_pending(settings, BATCH)
    return {"verified": sweep.verified, "failed": sweep.failed, "pending": sweep.pending}


@platform_task(app, LIGHTNING_DOMAIN_RENEWAL_WATCH_CERTIFICATES)
async def watch_certificates() -> dict:
    """Returns how many certificates were read back, and how many accounts alerted."""
    now = utc_now()
    horizon = alert_horizon(now, settings.domains_certificate_alert_days)
    refreshed = await repository.certificates_to_refresh(horizon, BATCH)
    for domain in refreshed:
        await call("PUT", tls_path(str(domain.account_id), str(domain.id)), expected=GONE)
    alerted = await alert_expiring(now, settings.domains_certificate_alert_days, BATCH)
    return {"refreshed": len(refreshed), "alerted": alerted}
