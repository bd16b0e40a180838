from typing import ClassVar, Self

from pydantic import Field, IPvAnyNetwork, PositiveFloat, PositiveInt, model_validator
from pydantic_settings import SettingsConfigDict

from queue_manager.switches import QueueSwitches
from shared.domain.billing.settings import BillingSettings
from shared.domain.csv_jobs.settings import CsvJobSettings
from shared.domain.domains.settings import DomainSettings
from shared.domain.edocs.settings import EdocsSettings
from shared.domain.funnels.settings import FunnelSettings
from shared.domain.instareports.settings import InstaReportSettings
from shared.domain.payments.settings import PaymentSettings
from shared.domain.reports.settings import ReportSettings
from shared.domain.reviews.settings import ReputationWorkerSettings
from shared.domain.scheduling.settings import SchedulingSettings
from shared.utilities.settings import Port, RunMode, common

# The switches whose work goes through a payment provider.
PAYMENT_SWITCHES = (
    "subscription_activate",
    "subscription_pending_subaccount_charge",
    "subscription_charge_mainaccount",
    "billing_new_auth",
    "verify_stripe_domains",
    "onebalance_balance_reload",
    "onebalance_balance_reload_stream",
)


class QueueManagerSettings(
    CsvJobSettings,
    EdocsSettings,
    SchedulingSettings,
    PaymentSettings,
    BillingSettings,
    DomainSettings,
    FunnelSettings,
    ReputationWorkerSettings,
    ReportSettings,
    InstaReportSettings,
):
    model_config = SettingsConfigDict(env_prefix="QUEUE_MANAGER_")

    service_name: ClassVar[str] = "queue_manager"
    port: Port = 6002

    task_time_limit_seconds: PositiveInt = Field(
        3600,
        description="longest a task may run; Redis hands an unacknowledged task to another "
        "worker after twice this",
    )
    task_run_retention_days: PositiveInt = Field(
        7, description="days a finished task's record (its result, idempotency key) is kept"
    )

    account_grace_days: int = Field(
        7,
        ge=0,
        description="days a sub-account stays active past its active_until before the "
        "check_account_active cron suspends it",
    )

    @property
    def signs_booking_links(self) -> bool:
        """Only the reminders carry bookings' links."""
        return self.switches.booking_reminders

    @property
    def task_run_retention_seconds(self) -> int:
        return self.task_run_retention_days * 24 * 3600

    # Read from their own QM_* variables when the settings are made.
    switches: QueueSwitches = Field(
        default_factory=QueueSwitches, description="which queues and crons run"
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
    webhook_retry_delays_seconds: list[PositiveFloat] = Field(
        [60, 300, 1800, 7200, 18000, 36000, 21600],
        description="JSON list: waits before each retry of a failed webhook delivery; when they "
        "are used up the endpoint is switched off",
    )
    webhook_timeout_seconds: float = Field(
        10, gt=0, description="how long a webhook endpoint has to connect and answer"
    )
    webhook_rate_per_endpoint: PositiveFloat = Field(
        20,
        description="deliveries a second one webhook endpoint is sent at most, past its burst; "
        "the rest wait for their turn (a bulk import's events are paced, not dropped)",
    )
    webhook_burst_per_endpoint: PositiveInt = Field(
        20,
        description="deliveries one webhook endpoint may be sent at once before its rate applies",
    )
    # Provider events (queue `integrations`) are read with what the external API connected:
    # the same keys open its sealed tokens, and the same Graph API answers.
    integrations_encryption_keys: str = common(
        "INTEGRATIONS_ENCRYPTION_KEYS", "", "comma-separated Fernet keys opening provider tokens"
    )
    facebook_graph_url: str = common(
        "EXTERNAL_API_FACEBOOK_GRAPH_URL", "https://graph.facebook.com", "the Graph API"
    )
    facebook_graph_version: str = common(
        "EXTERNAL_API_FACEBOOK_GRAPH_VERSION", "v19.0", "the Graph API version in paths"
    )

    notifications_url: str = Field(
        "http://127.0.0.1:5008",
        description="the notification service, which sends the platform's own messages",
    )
    notifications_timeout_seconds: float = Field(
        10, gt=0, description="how long the notification service has to take a message"
    )
    dashboard_url: str = common(
        "DASHBOARD_URL",
        "http://localhost:5000",
        "the dashboard's address in the links the platform's messages carry (an account's "
        "proven custom domain, or its agency's, takes its place)",
    )

    crm_sync_timeout_seconds: float = Field(
        600,
        gt=0,
        description="how long the external API has for one CRM sync run (an initial import "
        "of a large CRM takes minutes)",
    )

    support_reply_wait_minutes: PositiveInt = Field(
        60,
        description="minutes a customer's message in a support conversation may wait for the "
        "team's answer before QM_SUPPORT_COMMUNICATION_CHECK flags it",
    )

    # Every queue reaches the providers through the external API alone, which holds their
    # credentials (Duda, Cloudflare, Google, Facebook, Tipalti, the analytics sources).
    external_api_url: str = Field(
        "http://127.0.0.1:5003", description="the external API, which alone calls the providers"
    )
    google_maps_url: str = Field(
        "http://127.0.0.1:5009",
        description="the maps service (misc/google_maps), where InstaReports read a business's "
        "rating beside its competitors nearby",
    )
    external_api_timeout_seconds: PositiveFloat = Field(
        300,
        description="how long one call of the external API may take (the longest: an analytics "
        "pull of a month)",
    )

    @model_validator(mode="after")
    def embedded_mode_runs_every_queue(self) -> Self:
        """The in-process worker is the only one: it runs every queue and cron it is not
        told to leave alone."""
        if self.mode is RunMode.EMBEDDED:
            self.switches = self.switches.with_unset_switched_on()
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_a_webhook_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.webhook_encryption_keys:
            raise ValueError("WEBHOOK_ENCRYPTION_KEYS is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_integration_keys(self) -> Self:
        if (
            self.mode is RunMode.DISTRIBUTED
            and self.switches.integrations
            and not self.integrations_encryption_keys
        ):
            raise ValueError("INTEGRATIONS_ENCRYPTION_KEYS is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_an_edocs_link_key(self) -> Self:
        """The edocs cron mails signers their links again (reminders)."""
        if self.mode is RunMode.DISTRIBUTED and self.switches.edocs and not self.edocs_link_key:
            raise ValueError("EDOCS_LINK_KEY is required in distributed mode")
        return self

    @model_validator(mode="after")
    def distributed_mode_needs_a_stripe_key_to_take_payments(self) -> Self:
        """Billing's queues and crons take payments; the test provider is embedded mode's."""
        taking_payments = any(getattr(self.switches, switch) for switch in PAYMENT_SWITCHES)
        if (
            self.mode is RunMode.DISTRIBUTED
            and taking_payments
            and not self.stripe_secret_key.get_secret_value()
        ):
            raise ValueError(
                "EXTERNAL_API_STRIPE_SECRET_KEY is required in distributed mode to take payments"
            )
        return self
