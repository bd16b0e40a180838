"""Every background task's name and arguments, declared once.

A task is sent by name from any service (`enqueue_job(WEBHOOK_DELIVER, delivery_id=...)`) and
registered by the worker that runs it (`@platform_task(app, WEBHOOK_DELIVER)`); both sides use
the declaration here, so a typo or a missing argument fails where the job is asked for, not in a
worker hours later. `worker` names the Celery app that registers the task: a test checks that
each declared task is registered there, and that nothing else is.

The name is `<queue>.<action>`; the queue is the one its QM_* switch turns on. The
email-marketing lists' tasks are declared in `email_list_tasks` and imported here.
"""

from typing import Any

from pydantic import ConfigDict

from shared.utilities.email_list_tasks import EMAIL_LISTS_POLL as EMAIL_LISTS_POLL
from shared.utilities.email_list_tasks import EMAIL_LISTS_POLL_ALL as EMAIL_LISTS_POLL_ALL
from shared.utilities.email_list_tasks import EMAIL_LISTS_SYNC as EMAIL_LISTS_SYNC
from shared.utilities.task_registry import NOTIFICATIONS as NOTIFICATIONS
from shared.utilities.task_registry import QUEUE_MANAGER as QUEUE_MANAGER
from shared.utilities.task_registry import TASKS as TASKS
from shared.utilities.task_registry import NoArguments as NoArguments
from shared.utilities.task_registry import TaskArguments as TaskArguments
from shared.utilities.task_registry import TaskName as TaskName
from shared.utilities.task_registry import declare as declare
from shared.utilities.task_registry import declared as declared


class AnyArguments(TaskArguments):
    """Whatever keyword arguments are sent: for the probe tasks of tests and benchmarks, which
    are never declared here."""

    model_config = ConfigDict(extra="allow", frozen=True)


class DeliveryArguments(TaskArguments):
    delivery_id: str


class WebhookDeliveryArguments(DeliveryArguments):
    manual: bool = False  # a redelivery asked for by a user: not counted against the retries


class EventArguments(TaskArguments):
    event: dict[str, Any]


class ProviderEventArguments(TaskArguments):
    provider: str
    event: dict[str, Any]


class AutomationRunArguments(TaskArguments):
    log_id: str


class CsvJobArguments(TaskArguments):
    job_id: str


# Outgoing webhooks: an event fanned out to the account's endpoints, each delivery sent.
HOOKS_DISPATCH = declare("hooks.dispatch", EventArguments)
WEBHOOK_DELIVER = declare("webhook.deliver", WebhookDeliveryArguments)
# A provider's webhook event, received and verified by the external API.
INTEGRATIONS_PROCESS_WEBHOOK = declare("integrations.process_webhook", ProviderEventArguments)
# An automation run stored pending by whoever fired it.
TRIGGERS_RUN_AUTOMATION = declare("triggers.run_automation", AutomationRunArguments)
# A CSV job stored queued by the internal API: an import read and written, an export written.
CONTACTS_IMPORT_CSV = declare("contacts.import_csv", CsvJobArguments)
CONTACTS_EXPORT_WRITE_CSV = declare("contacts_export.write_csv", CsvJobArguments)
# Crons, sent by beat (or the embedded scheduler) on their switch's queue.
TRIGGERS_SWEEP_REQUEUE_PENDING = declare("triggers_sweep.requeue_pending", NoArguments)
TASK_RUNS_CLEANUP_DELETE_FINISHED = declare("task_runs_cleanup.delete_finished", NoArguments)
WEBHOOK_RETRIES_SEND_DUE = declare("webhook_retries.send_due", NoArguments)
SCHEDULE_UTILIZATION_MONITORING_RECORD = declare(
    "schedule_utilization_monitoring.record", NoArguments
)
CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED = declare(
    "contacts_export_cleanup.delete_expired", NoArguments
)
ACCOUNTS_PURGE_DELETE_EXPIRED = declare("accounts_purge.delete_expired", NoArguments)
CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED = declare("check_account_active.suspend_ended", NoArguments)
# Clicks on short links, drained from their Redis stream into MongoDB.
SHORT_LINK_CLICKS_RECORD = declare("short_link_clicks.record", NoArguments)
# A notification delivery, sent by the notification service's own worker in queue mode.
NOTIFICATIONS_SEND = declare("notifications.send", DeliveryArguments, NOTIFICATIONS)


class PlatformMessageArguments(TaskArguments):
    event: str  # a name of `shared.domain.notifications.platform.PLATFORM_EVENTS`
    channel: str  # email, sms or push
    account_id: str  # whose branding it carries
    to: str | None = None  # an address, for someone who may be no user yet
    user_id: str | None = None  # a user of the account, at the address the platform holds
    data: dict[str, str] = {}
    # Variables holding links into the dashboard, as paths ("/contacts/123"): made absolute on
    # the account's own domain when it has one.
    links: dict[str, str] = {}
    # Email only: files sent with it, each {"filename", "content_type", "content" (base64)}.
    attachments: list[dict[str, str]] = []


# One of the platform's own emails or pushes, sent through the notification service.
PLATFORM_MESSAGES_SEND = declare("platform_messages.send", PlatformMessageArguments)


class EdocsDocumentArguments(TaskArguments):
    document_id: str
    account_id: str


# E-documents: a completed document's final PDF printed and stored; the cron sending
# reminders to signers who have not signed and expiring what was not signed in time.
EDOCS_RENDER_PDF = declare("edocs.render_pdf", EdocsDocumentArguments)
EDOCS_SWEEP = declare("edocs.sweep", NoArguments)
# Projects' cron: due-date reminders sent, the next occurrences of recurring tasks made.
PROJECTS_SEND_DUE = declare("projects.send_due", NoArguments)
# Scheduling: the bookings' reminders that have come due, swept by a cron.
BOOKING_REMINDERS_SEND_DUE = declare("booking_reminders.send_due", NoArguments)


class SupportMessageStatusArguments(TaskArguments):
    conversation_id: str
    reader_id: str  # who received or read, a user id
    message_id: str  # everything up to it
    status: str  # delivered or read


class SupportMessageArguments(TaskArguments):
    conversation_id: str
    message_id: str


# The support inbox: a receipt moving messages' status forward, the assignee (or the team) told
# of a customer's message; the crons opening snoozed conversations when due and flagging those
# waiting too long for an answer.
SUPPORT_MESSAGE_STATUS_RECORD = declare(
    "support_message_status.record", SupportMessageStatusArguments
)
SUPPORT_NOTIFICATION_NOTIFY = declare("support_notification.notify", SupportMessageArguments)
SUPPORT_SNOOZE_REOPEN_DUE = declare("support_snooze.reopen_due", NoArguments)
SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING = declare(
    "support_communication_check.flag_waiting", NoArguments
)


class InvoiceArguments(TaskArguments):
    invoice_id: str


# Billing: the subscription crons (each plan's next period started and invoiced, plans
# cancelled at their period's end), the charges of invoices due (a sub-account's to its agency,
# an agency's platform fee), a payer recorded as the agency's contact, new Stripe connections
# checked and agencies' domains registered with Stripe.
SUBSCRIPTION_ACTIVATE_START_DUE = declare("subscription_activate.start_due", NoArguments)
SUBSCRIPTION_CANCEL_END_DUE = declare("subscription_cancel.end_due", NoArguments)
SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_SWEEP = declare(
    "subscription_pending_subaccount_charge.sweep", NoArguments
)
SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_INVOICE = declare(
    "subscription_pending_subaccount_charge.charge_invoice", InvoiceArguments
)
SUBSCRIPTION_CHARGE_MAINACCOUNT_SWEEP = declare(
    "subscription_charge_mainaccount.sweep", NoArguments
)
SUBSCRIPTION_CHARGE_MAINACCOUNT_INVOICE = declare(
    "subscription_charge_mainaccount.charge_invoice", InvoiceArguments
)
BILLING_CONTACTS_RECORD = declare("billing_contacts.record", InvoiceArguments)
BILLING_NEW_AUTH_CHECK = declare("billing_new_auth.check", NoArguments)
VERIFY_STRIPE_DOMAINS_REGISTER = declare("verify_stripe_domains.register", NoArguments)


class CustomDomainArguments(TaskArguments):
    domain_id: str
    account_id: str


class CustomHostnameArguments(TaskArguments):
    hostname_id: str  # Cloudflare's id of the custom hostname


class SiteBusinessArguments(TaskArguments):
    account_id: str
    site_id: str  # the DudaSite's id
    business_hash: str  # the business data's fingerprint: one push per change


class InstasiteArguments(TaskArguments):
    instasite_id: str
    account_id: str


# Custom domains: pending ones re-checked by DNS (a cron), a verified one's TLS provisioned, a
# deleted one's released (through the external API's Cloudflare), certificates watched (a cron).
LIGHTNING_DOMAIN_VALIDATION_RECHECK_PENDING = declare(
    "lightning_domain_validation.recheck_pending", NoArguments
)
LIGHTNING_DOMAIN_VALIDATION_PROVISION_TLS = declare(
    "lightning_domain_validation.provision_tls", CustomDomainArguments
)
LIGHTNING_DOMAIN_VALIDATION_RELEASE_TLS = declare(
    "lightning_domain_validation.release_tls", CustomHostnameArguments
)
LIGHTNING_DOMAIN_RENEWAL_WATCH_CERTIFICATES = declare(
    "lightning_domain_renewal.watch_certificates", NoArguments
)
# A Duda site's business data pushed to its content library after the profile changed.
SITE_UPDATE_BUSINESS_PUSH = declare("site_update_business.push", SiteBusinessArguments)
# InstaSites: one built on Duda from a prospect's data, one claimed (given to the account as
# its site); unclaimed ones purged (a cron).
INSTASITES_BUILD_BUILD = declare("instasites_build.build", InstasiteArguments)
INSTASITES_BUILD_CLAIM = declare("instasites_build.claim", InstasiteArguments)
INSTASITES_PURGE_UNCLAIMED = declare("instasites_purge.purge_unclaimed", NoArguments)


class PageVersionArguments(TaskArguments):
    version_id: str
    account_id: str


class FunnelCloneArguments(TaskArguments):
    clone_id: str
    account_id: str  # the clone's (the source funnel's account)


# Hosted pages: a published version's thumbnail shot by headless Chromium (a funnel's page or a
# hosted site's, each on its own queue), and a funnel copied into an account of the agency.
FUNNELS_BUILD_THUMBNAILS_BUILD = declare("funnels_build_thumbnails.build", PageVersionArguments)
SITES_BUILD_THUMBNAILS_BUILD = declare("sites_build_thumbnails.build", PageVersionArguments)
FUNNELS_CLONING_CLONE = declare("funnels_cloning.clone", FunnelCloneArguments)


class WalletArguments(TaskArguments):
    wallet_id: str
    account_id: str


class UsageChargeArguments(TaskArguments):
    account_id: str
    action: str  # a MeteredAction
    quantity: int
    key: str  # the action's id: the charge happens once however often the task runs
    description: str = ""


# OneBalance: a wallet reloaded by card once its balance crossed the threshold (the stream),
# and the cron reloading those the stream missed; usage charged through the queue (the stream:
# an AI call's tokens), and the cron finishing charges a dead worker left pending and charging
# the month's number rentals.
ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD = declare(
    "onebalance_balance_reload_stream.reload", WalletArguments
)
ONEBALANCE_BALANCE_RELOAD_RELOAD_DUE = declare("onebalance_balance_reload.reload_due", NoArguments)
ONEBALANCE_BALANCE_CHARGE_STREAM_CHARGE = declare(
    "onebalance_balance_charge_stream.charge", UsageChargeArguments
)
ONEBALANCE_BALANCE_CHARGE_SETTLE = declare("onebalance_balance_charge.settle", NoArguments)


class ReviewArguments(TaskArguments):
    account_id: str
    review_id: str


class LocationArguments(TaskArguments):
    account_id: str
    location_id: str


class AccountArguments(TaskArguments):
    account_id: str


class ReviewRequestArguments(TaskArguments):
    account_id: str
    request_id: str


# Reputation (QM_REPUTATION): a new review alerted on and auto-replied to, a Google location's
# reviews read again (on Google's notification), a review request sent to its contact; the
# cron syncing the Google locations due and sending the weekly digests due.
REPUTATION_REVIEW_ADDED = declare("reputation.review_added", ReviewArguments)
REPUTATION_SYNC_LOCATION = declare("reputation.sync_location", LocationArguments)
REPUTATION_SEND_REQUEST = declare("reputation.send_request", ReviewRequestArguments)
REPUTATION_SYNC_FACEBOOK = declare("reputation.sync_facebook", AccountArguments)
REPUTATION_SWEEP = declare("reputation.sweep", NoArguments)


class PaidInvoiceArguments(TaskArguments):
    """`shared.domain.affiliates.commissions.PaidInvoice`, as JSON."""

    event_id: str  # the invoice_paid event: its commission is written once
    invoice_id: str
    account_id: str  # the paying (referred) account
    amount: int  # minor units
    currency: str  # ISO 4217
    paid_at: str  # ISO 8601


class RefundedInvoiceArguments(TaskArguments):
    """`shared.domain.affiliates.commissions.RefundedInvoice`, as JSON."""

    event_id: str  # the invoice_refunded event
    invoice_id: str
    account_id: str
    refund_id: str
    amount: int  # what was refunded, minor units
    currency: str
    refunded_at: str


# Affiliates (QM_AFFILIATES): commissions accrued on a referred account's paid invoice and
# reversed on its refund (enqueued by billing's invoice_paid / invoice_refunded); the cron
# batching payouts over the programmes' minimum and paying them through Tipalti.
AFFILIATES_INVOICE_PAID = declare("affiliates.invoice_paid", PaidInvoiceArguments)
AFFILIATES_INVOICE_REFUNDED = declare("affiliates.invoice_refunded", RefundedInvoiceArguments)
AFFILIATES_SWEEP = declare("affiliates.sweep", NoArguments)


class ClientReportDeliveryArguments(TaskArguments):
    report_id: str
    account_id: str
    due_at: str  # the run's time, ISO 8601 in UTC


# Client reports: the cron claiming the scheduled runs that are due, and each run's PDF mailed
# to the report's recipients.
CLIENT_REPORTS_SEND_DUE = declare("client_reports.send_due", NoArguments)
CLIENT_REPORTS_DELIVER = declare("client_reports.deliver", ClientReportDeliveryArguments)


class AnalyticsPullArguments(TaskArguments):
    account_id: str
    # google-analytics, google-ads, facebook-ads, callrail, semrush, mailchimp, constant-contact
    source: str
    start_date: str  # ISO dates, both included
    end_date: str


# The analytics store: the nightly cron asking a pull per connected source, and each pull
# (the nightly one or a back-fill's month) made by the external API.
ANALYTICS_SYNC_NIGHTLY = declare("analytics_sync.nightly", NoArguments)
ANALYTICS_SYNC_PULL = declare("analytics_sync.pull", AnalyticsPullArguments)


class InstaReportArguments(TaskArguments):
    report_id: str
    account_id: str


# InstaReports (QM_INSTAREPORT_BUILD): a queued audit of a prospect's online presence built.
INSTAREPORT_BUILD_RUN = declare("instareport_build.run", InstaReportArguments)


class CrmSyncArguments(TaskArguments):
    account_id: str
    provider: str  # the CRM integration's name: hubspot, pipedrive, salesforce, ...


class CrmSyncPushArguments(CrmSyncArguments):
    contact_id: str


# Two-way CRM sync (`shared.domain.crm_sync`): a contact's change pushed to one CRM; the CRM's
# records modified since the sync's cursor pulled (the initial import, a webhook's changes).
CRM_SYNC_PUSH = declare("crm_sync.push", CrmSyncPushArguments)
CRM_SYNC_PULL = declare("crm_sync.pull", CrmSyncArguments)
# Its cron: every enabled sync past its import pulled again (what a webhook missed, and the
# deletions a CRM sends no webhook for).
CRM_SYNC_POLL_PULL_ALL = declare("crm_sync_poll.pull_all", NoArguments)


class LeadFinderArguments(TaskArguments):
    account_id: str
    search_id: str


# LeadFinder (QM_LEAD_FINDER): a search of businesses by category and area run by the external
# API through RapidAPI, its finds streamed to the general socket's `lead-finder` events.
LEAD_FINDER_SEARCH = declare("lead_finder.search", LeadFinderArguments)


class BeamerPostArguments(TaskArguments):
    announcement_id: str


# Beamer (QM_BEAMER): an announcement an operator published posted to the platform's Beamer
# by the external API, once.
BEAMER_POST = declare("beamer.post", BeamerPostArguments)
