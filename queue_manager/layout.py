"""What each QM_* switch turns on: every switch names one queue, and a cron's switch also its
schedule.

The queue is the switch's name (`QM_WEBHOOK` -> queue `webhook`, `QM_TRIGGERS_SWEEP` -> queue
`triggers_sweep`). A worker started with no `-Q` consumes exactly the queues switched on; beat
schedules exactly the crons switched on, each cron's task running on its own switch's queue.

Built so far: the queues `hooks` and `webhook` (outgoing webhooks) and `integrations`
(providers' webhook events) in `queues/`, `triggers` (automation rules, `triggers/`), and the
crons `triggers_sweep`, `task_runs_cleanup` and `webhook_retries` (`crons/`). Every other switch
is kept from the original layout with its queue declared and no task yet, because its domain
(subscriptions, InstaSites, OneBalance, billing, support, projects, affiliates, reputation,
domains, sites, funnels, ...) is not built in this platform; `contacts_export_cleanup` is done by
internal_api's own periodic sweep, which owns the export files. The two OneBalance `*_stream`
switches consumed Redis streams in the original (`streams/`).
"""

from dataclasses import dataclass
from datetime import timedelta

from queue_manager.switches import QueueSwitches
from shared.utilities.task_names import (
    TASK_RUNS_CLEANUP_DELETE_FINISHED,
    TRIGGERS_SWEEP_REQUEUE_PENDING,
    WEBHOOK_RETRIES_SEND_DUE,
    TaskName,
)


@dataclass(frozen=True)
class Cron:
    task: TaskName  # "<switch>.<action>": runs on the switch's queue
    every: timedelta


# The crons written so far, by switch; a cron switch not listed schedules nothing.
CRONS: dict[str, Cron] = {
    "triggers_sweep": Cron(TRIGGERS_SWEEP_REQUEUE_PENDING, timedelta(minutes=5)),
    "task_runs_cleanup": Cron(TASK_RUNS_CLEANUP_DELETE_FINISHED, timedelta(hours=1)),
    "webhook_retries": Cron(WEBHOOK_RETRIES_SEND_DUE, timedelta(minutes=1)),
}

# Switches whose job in the original was periodic: their queue carries only the cron's task.
CRON_SWITCHES = frozenset(
    {
        "subscription_cancel",
        "subscription_activate",
        "subscription_pending_subaccount_charge",
        "subscription_charge_mainaccount",
        "contacts_export_cleanup",
        "instasites_purge",
        "onebalance_balance_reload",
        "support_snooze",
        "support_communication_check",
        "lightning_domain_renewal",
        "check_account_active",
        "schedule_utilization_monitoring",
        *CRONS,
    }
)


def switch_names() -> list[str]:
    return list(QueueSwitches.model_fields)


def is_cron(switch: str) -> bool:
    return switch in CRON_SWITCHES


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
