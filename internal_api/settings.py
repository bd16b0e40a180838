from datetime import timedelta
from typing import ClassVar, Self

from pydantic import Field, IPvAnyNetwork, model_validator
from pydantic_settings import SettingsConfigDict

from internal_api.admin.settings import AdminSettings
from internal_api.affiliates.settings import AffiliatesApiSettings
from internal_api.analytics.settings import AnalyticsApiSettings
from internal_api.cors_proxy.settings import CorsProxySettings
from internal_api.funnels.settings import PagesApiSettings
from internal_api.instasites.settings import InstasiteSettings
from internal_api.oauth.settings import OAuthSettings
from internal_api.public.settings import PublicSettings
from internal_api.reviews.settings import ReviewsApiSettings
from internal_api.scheduling.settings import SchedulingApiSettings
from internal_api.support.settings import SupportSettings
from shared.domain.csv_jobs.settings import CsvJobSettings
from shared.domain.domains.settings import DomainSettings
from shared.domain.edocs.settings import EdocsSettings
from shared.domain.funnels.settings import FunnelSettings
from shared.domain.instareports.settings import InstaReportSettings
from shared.domain.payments.settings import PaymentSettings
from shared.domain.reports.settings import ReportSettings
from shared.utilities.settings import Port, RunMode, common


class InternalApiSettings(
    CsvJobSettings,
    PublicSettings,
    EdocsSettings,
    SchedulingApiSettings,
    SupportSettings,
    AdminSettings,
    CorsProxySettings,
    OAuthSettings,
    ReportSettings,
    AnalyticsApiSettings,
    InstaReportSettings,
    PaymentSettings,
    DomainSettings,
    InstasiteSettings,
    FunnelSettings,
    PagesApiSettings,
    ReviewsApiSettings,
    AffiliatesApiSettings,
):
    model_config = SettingsConfigDict(env_prefix="INTERNAL_API_")

    service_name: ClassVar[str] = "internal_api"
    port: Port = 5002

    login_free_attempts_per_email: int = Field(
        5, gt=0, description="login attempts for one email before each must wait longer"
    )
    login_free_attempts_per_address: int = Field(
        50, gt=0, description="login attempts from one client address before each must wait"
    )
    login_first_delay_seconds: float = Field(
        1, gt=0, description="wait after the free login attempts; it doubles with each attempt"
    )
    login_max_delay_seconds: float = Field(
        900, gt=0, description="the longest wait between two login attempts"
    )
    login_memory_seconds: float = Field(
        3600, gt=0, description="login attempts are forgotten this long after the last one"
    )
    two_factor_challenge_seconds: int = Field(
        300, gt=0, description="how long a login's second step (a code, or enrolling) may wait"
    )
    two_factor_challenge_attempts: int = Field(
        5, gt=0, description="codes a login's second step may try before it must start again"
    )
    two_factor_encryption_keys: str = Field(
        "",
        description="comma-separated Fernet keys sealing TOTP secrets; the first seals, all open",
    )
    form_encryption_keys: str = Field(
        "",
        description="comma-separated Fernet keys sealing forms' captcha secrets; the first seals, "
        "all open",
    )
    platform_name: str = Field(
        "Platform",
        description="the platform's name where an account has no brand name (authenticator apps)",
    )
    password_hashes_at_once: int = Field(
        2, gt=0, description="password hashes (argon2) computed at once per process"
    )
    currency_url: str = Field(
        "http://127.0.0.1:5005", description="the currency service, for converted totals"
    )
    currency_timeout_seconds: float = Field(
        3, gt=0, description="how long the currency service may take before totals go unconverted"
    )
    max_sub_accounts: int = Field(100, ge=0, description="sub-accounts an agency may have")
    dns_nameservers: list[str] = Field(
        [],
        description="JSON list of DNS servers (host or host:port) custom domains are checked "
        "with; empty uses the system's",
    )
    dns_timeout_seconds: float = Field(
        5, gt=0, description="how long the DNS check of a custom domain may take"
    )
    invitation_lifetime_seconds: int = Field(
        7 * 24 * 3600, gt=0, description="how long an invitation can be accepted"
    )
    password_reset_minutes: int = Field(
        30, gt=0, description="how long a password reset link works"
    )
    email_confirmation_minutes: int = Field(
        24 * 60, gt=0, description="how long an email confirmation link works"
    )
    email_links_per_address: int = Field(
        5, gt=0, description="links (password resets, confirmations) mailed to one address a window"
    )
    email_links_per_client: int = Field(
        20, gt=0, description="links asked for from one client address a window"
    )
    email_links_window_seconds: int = Field(
        3600, gt=0, description="the window email links are counted in"
    )
    import_max_bytes: int = Field(
        50 * 1024 * 1024, gt=0, description="largest CSV file a contact import accepts"
    )
    automation_webhooks_allow_http: bool = Field(
        False, description="let automation webhooks use plain http (tests and local receivers)"
    )
    webhook_allowed_networks: list[IPvAnyNetwork] = common(
        "WEBHOOK_ALLOWED_NETWORKS",
        [],
        "JSON list of non-public networks webhooks may still be sent to (local receivers)",
    )
    webhook_encryption_keys: str = common(
        "WEBHOOK_ENCRYPTION_KEYS",
        "",
        "comma-separated Fernet keys sealing webhook signing secrets; the first seals, all open",
    )

    short_url_base: str = Field(
        "http://127.0.0.1:5000/v1/s/",
        pattern=r"^https?://[^/?#]+/([^?#]*/)?$",
        description="what a short link's code is appended to (ending in /): the gateway's "
        "/v1/s/, or a branded domain the edge sends to it",
    )
    short_link_cache_seconds: int = Field(
        24 * 3600, gt=0, description="how long the redirect keeps a short link in Redis"
    )
    short_link_unknown_cache_seconds: int = Field(
        60, gt=0, description="how long the redirect remembers that a code is no short link"
    )
    short_link_click_backlog: int = Field(
        1_000_000,
        gt=0,
        description="clicks kept waiting for the queue manager (QM_SHORT_LINK_CLICKS); past "
        "them the oldest are dropped",
    )
    short_link_country_header: str = Field(
        "CF-IPCountry",
        description="the edge's header naming the visitor's country (ISO 3166-1 alpha-2), "
        "recorded with each click when present",
    )
    short_link_refused_hosts: list[str] = Field(
        [],
        description="JSON list of host names short links may not lead to, besides loopback, "
        "private and single-label ones and the hosts of this service's own settings",
    )

    @property
    def invitation_lifetime(self) -> timedelta:
        return timedelta(seconds=self.invitation_lifetime_seconds)

    @model_validator(mode="after")
    def distributed_mode_needs_a_webhook_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.webhook_encryption_keys:
            raise ValueError("WEBHOOK_ENCRYPTION_KEYS is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_a_two_factor_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.two_factor_encryption_keys:
            raise ValueError(
                "INTERNAL_API_TWO_FACTOR_ENCRYPTION_KEYS is required in distributed mode"
            )
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_a_form_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.form_encryption_keys:
            raise ValueError("INTERNAL_API_FORM_ENCRYPTION_KEYS is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_an_edocs_link_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.edocs_link_key:
            raise ValueError("EDOCS_LINK_KEY is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_a_session_state_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.session_state_key:
            raise ValueError("SESSION_STATE_KEY is required in distributed mode")
        return self
