"""A custom domain an account points at one of its sites or funnels.

Lifecycle (`status`):
- `pending`: asked for, not yet proven. It blocks nobody: several accounts may hold the same
  hostname pending, and the one that publishes its `verification_token` in a TXT record at
  `record_name` proves it.
- `verified`: proven; `verified_hostname` is set to `hostname`, and a unique index on it (sparse,
  so the unset field of pending domains takes no room in it) makes the hostname that account's
  alone. The public pages are served for it by Host (`shared.domain.domains.routing`).
- `failed`: the TXT record was not found for longer than the validation window; asking for the
  check again moves it back to pending.

TLS (`tls_*`): where Cloudflare for SaaS is configured, a verified domain gets a Cloudflare custom
hostname (`cloudflare_hostname_id`) whose certificate status and expiry the renewal cron follows.
"""

from datetime import datetime
from enum import StrEnum

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument

# The DNS label under a custom domain where its account publishes its token.
VERIFICATION_LABEL = "_platform-verify"


class DomainStatus(StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    FAILED = "failed"


class DomainTarget(StrEnum):
    FUNNEL = "funnel"
    SITE = "site"


class TlsStatus(StrEnum):
    NONE = "none"  # no certificate is provisioned by the platform (Cloudflare not configured)
    PENDING = "pending"  # asked of Cloudflare, not yet issued
    ACTIVE = "active"
    FAILED = "failed"


class CustomDomain(TenantDocument):
    hostname: str  # lower case, no trailing dot
    # Set (to `hostname`) only once proven: the unique sparse index below is what refuses the
    # second account. (A partial index on `status` would say the same, but mongomock drops
    # partialFilterExpression, and unset fields are left out of the document: `keep_nulls`.)
    verified_hostname: str | None = None
    status: DomainStatus = DomainStatus.PENDING
    target_type: DomainTarget
    target_id: str
    verification_token: str
    verified_at: datetime | None = None
    last_checked_at: datetime | None = None
    checks: int = 0  # DNS checks the validation cron made while pending
    # Why a failed domain failed: `domain_not_proven` (no record in time) or `domain_taken`.
    failure: str | None = None
    tls_status: TlsStatus = TlsStatus.NONE
    cloudflare_hostname_id: str | None = None
    certificate_expires_at: datetime | None = None
    # Whether the account was told the certificate expires soon: once per certificate (set
    # back to False whenever a new expiry is read from Cloudflare).
    expiry_alert_sent: bool = False

    @property
    def record_name(self) -> str:
        return f"{VERIFICATION_LABEL}.{self.hostname}"

    class Settings:
        name = "custom_domains"
        use_state_management = True
        keep_nulls = False
        indexes = [
            IndexModel([("verified_hostname", ASCENDING)], unique=True, sparse=True),
            IndexModel([("account_id", ASCENDING), ("hostname", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", ASCENDING)]),
            # The validation cron: pending domains, least recently checked first.
            IndexModel([("status", ASCENDING), ("last_checked_at", ASCENDING)]),
            # The renewal cron: certificates by expiry.
            IndexModel([("tls_status", ASCENDING), ("certificate_expires_at", ASCENDING)]),
        ]
