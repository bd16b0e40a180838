"""The settings of custom domains, read alike by the internal API (which checks a domain when
its account asks) and the queue manager (whose crons re-check pending domains and watch
certificates)."""

from pydantic import PositiveFloat, PositiveInt

from shared.utilities.settings import ServiceSettings, common


class DomainSettings(ServiceSettings):
    domains_dns_nameservers: list[str] = common(
        "DOMAINS_DNS_NAMESERVERS",
        [],
        "JSON list of DNS servers (host or host:port) custom domains' TXT records are read "
        "from; empty uses the system's",
    )
    domains_dns_timeout_seconds: PositiveFloat = common(
        "DOMAINS_DNS_TIMEOUT_SECONDS", 5, "how long one DNS check of a custom domain may take"
    )
    domains_validation_days: PositiveInt = common(
        "DOMAINS_VALIDATION_DAYS",
        7,
        "days a pending custom domain is re-checked (QM_LIGHTNING_DOMAIN_VALIDATION) before it "
        "is marked failed",
    )
    domains_recheck_minutes: PositiveInt = common(
        "DOMAINS_RECHECK_MINUTES",
        10,
        "minutes between two checks of one pending custom domain by the validation cron",
    )
    domains_certificate_alert_days: PositiveInt = common(
        "DOMAINS_CERTIFICATE_ALERT_DAYS",
        14,
        "a custom domain's certificate expiring within these days alerts its account "
        "(QM_LIGHTNING_DOMAIN_RENEWAL), once per certificate",
    )
