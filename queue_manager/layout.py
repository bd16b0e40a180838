"""What each QM_* switch turns on: every switch names one queue, and a cron's switch also its
schedule.

The queue is the switch's name (`QM_WEBHOOK` -> queue `webhook`, `QM_TRIGGERS_SWEEP` -> queue
`triggers_sweep`). A worker started with no `-Q` consumes exactly the queues switched on; beat
schedules exactly the crons switched on, each cron's task running on its own switch's queue.

"""

from dataclasses import dataclass
from datetime import timedelta

from queue_manager.switches import QueueSwitches
from shared.utilities.task_names import (
    ACCOUNTS_PURGE_DELETE_EXPIRED,
    AFFILIATES_SWEEP,
    ANALYTICS_SYNC_NIGHTLY,
    BILLING_NEW_AUTH_CHECK,
    BOOKING_REMINDERS_SEND_DUE,
    CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED,
    CLIENT_REPORTS_SEND_DUE,
    CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED,
    CRM_SYNC_POLL_PULL_ALL,
    EDOCS_SWEEP,
    EMAIL_LISTS_POLL_ALL,
    INSTASITES_PURGE_UNCLAIMED,
    LIGHTNING_DOMAIN_RENEWAL_WATCH_CERTIFICATES,
    LIGHTNING_DOMAIN_VALIDATION_RECHECK_PENDING,
    ONEBALANCE_BALANCE_CHARGE_SETTLE,
    ONEBALANCE_BALANCE_RELOAD_RELOAD_DUE,
    PROJECTS_SEND_DUE,
    REPUTATION_SWEEP,
    SCHEDULE_UTILIZATION_MONITORING_RECORD,
    SHORT_LINK_CLICKS_RECORD,
    SUBSCRIPTION_ACTIVATE_START_DUE,
    SUBSCRIPTION_CANCEL_END_DUE,
    SUBSCRIPTION_CHARGE_MAINACCOUNT_SWEEP,
    SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_SWEEP,
    SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING,
    SUPPORT_SNOOZE_REOPEN_DUE,
    TASK_RUNS_CLEANUP_DELETE_FINISHED,
    TRIGGERS_SWEEP_REQUEUE_PENDING,
    VERIFY_STRIPE_DOMAINS_REGISTER,
    WEBHOOK_RETRIES_SEND_DUE,
    TaskName,
)


@dataclass(frozen=True)
class Cron:
    task: TaskName  # "<switch>.<action>": runs on the switch's queue
    every: timedelta


# The crons, by switch: each one's queue carries only the cron's task.
CRONS: dict[str, Cron] = {
    "triggers_sweep": Cron(TRIGGERS_SWEEP_REQUEUE_PENDING, timedelta(minutes=5)),
    "task_runs_cleanup": Cron(TASK_RUNS_CLEANUP_DELETE_FINISHED, timedelta(hours=1)),
    "webhook_retries": Cron(WEBHOOK_RETRIES_SEND_DUE, timedelta(minutes=1)),
    "schedule_utilization_monitoring": Cron(
        SCHEDULE_UTILIZATION_MONITORING_RECORD, timedelta(minutes=1)
    ),
    "contacts_export_cleanup": Cron(CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED, timedelta(minutes=5)),
    "accounts_purge": Cron(ACCOUNTS_PURGE_DELETE_EXPIRED, timedelta(hours=1)),
    "check_account_active": Cron(CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED, timedelta(hours=1)),
    "short_link_clicks": Cron(SHORT_LINK_CLICKS_RECORD, timedelta(seconds=30)),
    # Its queue also prints the final PDFs of signed documents.
    "edocs": Cron(EDOCS_SWEEP, timedelta(minutes=15)),
    "projects": Cron(PROJECTS_SEND_DUE, timedelta(minutes=1)),
    "booking_reminders": Cron(BOOKING_REMINDERS_SEND_DUE, timedelta(minutes=1)),
    "support_snooze": Cron(SUPPORT_SNOOZE_REOPEN_DUE, timedelta(minutes=1)),
    "support_communication_check": Cron(
        SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING, timedelta(minutes=5)
    ),
    # Its queue also prints and mails each claimed run.
    "client_reports": Cron(CLIENT_REPORTS_SEND_DUE, timedelta(minutes=5)),
    # Its queue also carries each pull, the nightly ones and the back-fills'.
    "analytics_sync": Cron(ANALYTICS_SYNC_NIGHTLY, timedelta(days=1)),
    "subscription_activate": Cron(SUBSCRIPTION_ACTIVATE_START_DUE, timedelta(minutes=5)),
    "subscription_cancel": Cron(SUBSCRIPTION_CANCEL_END_DUE, timedelta(minutes=5)),
    # Its queue also runs each invoice's attempt, queued by the sweep or by whoever made it.
    "subscription_pending_subaccount_charge": Cron(
        SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_SWEEP, timedelta(minutes=5)
    ),
    "subscription_charge_mainaccount": Cron(
        SUBSCRIPTION_CHARGE_MAINACCOUNT_SWEEP, timedelta(hours=1)
    ),
    "billing_new_auth": Cron(BILLING_NEW_AUTH_CHECK, timedelta(minutes=5)),
    "verify_stripe_domains": Cron(VERIFY_STRIPE_DOMAINS_REGISTER, timedelta(hours=6)),
    # Its queue also provisions and releases verified domains' TLS.
    "lightning_domain_validation": Cron(
        LIGHTNING_DOMAIN_VALIDATION_RECHECK_PENDING, timedelta(minutes=5)
    ),
    "lightning_domain_renewal": Cron(
        LIGHTNING_DOMAIN_RENEWAL_WATCH_CERTIFICATES, timedelta(hours=1)
    ),
    "instasites_purge": Cron(INSTASITES_PURGE_UNCLAIMED, timedelta(hours=1)),
    "onebalance_balance_reload": Cron(ONEBALANCE_BALANCE_RELOAD_RELOAD_DUE, timedelta(minutes=5)),
    "onebalance_balance_charge": Cron(ONEBALANCE_BALANCE_CHARGE_SETTLE, timedelta(minutes=10)),
    # Its queue also carries new reviews, Google's notifications and review requests.
    "reputation": Cron(REPUTATION_SWEEP, timedelta(minutes=15)),
    # Its queue also carries the invoices' commissions.
    "affiliates": Cron(AFFILIATES_SWEEP, timedelta(hours=1)),
    "crm_sync_poll": Cron(CRM_SYNC_POLL_PULL_ALL, timedelta(minutes=15)),
    # Its queue also carries each list's sync runs and polls.
    "email_lists": Cron(EMAIL_LISTS_POLL_ALL, timedelta(minutes=15)),
}


def switch_names() -> list[str]:
    return list(QueueSwitches.model_fields)


def is_cron(switch: str) -> bool:
    return switch in CRONS


def queues_switched_on(switches: QueueSwitches) -> list[str]:
    return [name for name in switch_names() if getattr(switches, name)]


def beat_schedule(switches: QueueSwitches) -> dict[str, dict]:
    """Celery beat's schedule: the crons switched on, each sent to its switch's queue."""
    return {
        switch: {
            "task": cron.task.name,
            "schedule": cron.every.total_seconds(),
            "options": {"queue": switch},
        }
        for switch, cron in CRONS.items()
        if getattr(switches, switch)
    }
