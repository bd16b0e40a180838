"""Queue `lightning_domain_validation` (QM_LIGHTNING_DOMAIN_VALIDATION), besides its cron
(`crons/domains.py`): a verified custom domain's certificate provisioned, and a deleted one's
released, through the external API's Cloudflare (which does nothing where Cloudflare is not
configured). A domain deleted, or no longer verified, meanwhile needs nothing more."""

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.utilities.task_names import (
    LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS,
    LIGHTNING_DOMAIN_VALIDATION_RELEASE_TLS,
)
from shared.utilities.worker import platform_task

GONE = frozenset({404, 409})


def tls_path(account_id: str, domain_id: str) -> str:
    return f"/v1/e/cloudflare/accounts/{account_id}/domains/{domain_id}/tls"


@platform_task(app, LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS)
async def provision_tls(domain_id: str, account_id: str) -> dict:
    """Returns the domain's TLS status after the call."""
    answer = await call("PUT", tls_path(account_id, domain_id), expected=GONE)
    return {"tls_status": answer["tls_status"] if answer else "gone"}


@platform_task(app, LIGHTNING_DOMAIN_VALIDATION_RELEASE_TLS)
async def release_tls(hostname_id: str) -> None:
    await call("DELETE", f"/v1/e/cloudflare/custom-hostnames/{hostname_id}")
