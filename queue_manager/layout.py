"""What each QM_* switch turns on: every switch names one queue, and a cron's switch also its
schedule.

The queue is the switch's name (`QM_WEBHOOK` -> queue `webhook`, `QM_TRIGGERS_SWEEP` -> queue
`triggers_sweep`). A worker started with no `-Q` consumes exactly the queues switched on; beat
schedules exactly the crons switched on, each cron's task running on its own switch's queue.

Built: the queues `hooks` and `webhook` (outgoing webhooks), `integrations` (providers' webhook
events) and `platform_messages` (the platform's own emails and pushes) in `queues/`, `triggers`
(automation rules, `triggers/`), the crons
`triggers_sweep`, `task_runs_cleanup`, `webhook_retries` and `schedule_utilization_monitoring`
(`crons/`); `contacts` and `contacts_export` (`queues/contacts.py`) and the cron
`contacts_export_cleanup` carry the CSV imports and exports; the crons `accounts_purge` and
`check_account_active` the account lifecycle; the cron `short_link_clicks`
(`crons/short_link_clicks.py`) stores and counts the clicks on short links; `edocs`
(`queues/edocs.py`) prints signed documents' PDFs and, as a cron, sends their reminders and
expiries; the cron `projects` (`crons/projects.py`) sends tasks' reminders and makes recurring
tasks' next occurrences; the cron `booking_reminders` (`crons/booking_reminders.py`) sends
bookings' reminders; the support inbox's queues `support_message_status` and
`support_notification` (`queues/support.py`) and crons `support_snooze` and
`support_communication_check` (`crons/support.py`); the CRM sync's queue `crm_sync`
(`queues/crm_sync.py`) and cron `crm_sync_poll` (`crons/crm_sync_poll.py`). The original's
other switches (subscriptions, InstaSites, OneBalance, billing, ...) come back with the feature
that gives them a task.
"""

from dataclasses import dataclass
from datetime import timedelta

from queue_manager.switches import QueueSwitches
from shared.utilities.task_names import (
    ACCOUNTS_PURGE_DELETE_EXPIRED,
    BOOKING_REMINDERS_SEND_DUE,
    CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED,
    CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED,
    CRM_SYNC_POLL_PULL_ALL,
    EDOCS_SWEEP,
    PROJECTS_SEND_DUE,
    SCHEDULE_UTILIZATION_MONITORING_RECORD,
    SHORT_LINK_CLICKS_RECORD,
    SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING,
    SUPPORT_SNOOZE_REOPEN_DUE,
    TASK_RUNS_CLEANUP_DELETE_FINISHED,
    TRIGGERS_SWEEP_REQUEUE_PENDING,
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
    "crm_sync_poll": Cron(CRM_SYNC_POLL_PULL_ALL, timedelta(minutes=15)),
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
