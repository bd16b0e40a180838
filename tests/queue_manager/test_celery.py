"""The queue manager's Celery app as compose runs it: real worker processes on real Redis."""

import os
import subprocess
import time
import uuid

import pytest
import redis

from queue_manager.celery import app, create_celery
from queue_manager.layout import switch_names
from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.utilities.tasks import TaskSender
from shared.utilities.worker.app import NOTHING_TO_CONSUME
from tests.queue_manager.blocking_tasks import QUEUE as BLOCKING_QUEUE
from tests.queue_manager.workers import CELERY, ROOT, kill, running_worker, start_worker, stop

WAIT_SECONDS = 90


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def broker():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    yield client
    client.close()


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


def settings_with(**switches: bool) -> QueueManagerSettings:
    return QueueManagerSettings(switches=QueueSwitches(**switches))


def test_tasks_are_acknowledged_late_and_handed_back_by_a_dying_worker():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_redis_redelivers_only_after_the_longest_task_could_have_run():
    longest = QueueManagerSettings().task_time_limit_seconds

    assert app.conf.broker_transport_options["visibility_timeout"] > app.conf.task_time_limit
    assert app.conf.task_time_limit > longest


def test_the_app_uses_the_configured_redis():
    assert app.conf.broker_url == os.environ["REDIS_URL"]


def test_the_worker_consumes_the_queues_switched_on_and_no_other():
    celery = create_celery(settings_with(contacts=False, triggers_sweep=False))

    assert "contacts" not in celery.amqp.queues
    assert "triggers_sweep" not in celery.amqp.queues
    assert {"webhook", "hooks", "triggers", "task_runs_cleanup"} <= set(celery.amqp.queues)


def test_beat_schedules_the_crons_switched_on_on_their_own_queues():
    celery = create_celery(
        settings_with(triggers_sweep=False, schedule_utilization_monitoring=False)
    )

    assert celery.conf.beat_schedule == {
        "contacts_export_cleanup": {
            "task": "contacts_export_cleanup.delete_expired",
            "schedule": 300.0,
            "options": {"queue": "contacts_export_cleanup"},
        },
        "task_runs_cleanup": {
            "task": "task_runs_cleanup.delete_finished",
            "schedule": 3600.0,
            "options": {"queue": "task_runs_cleanup"},
        },
        "webhook_retries": {
            "task": "webhook_retries.send_due",
            "schedule": 60.0,
            "options": {"queue": "webhook_retries"},
        },
        "accounts_purge": {
            "task": "accounts_purge.delete_expired",
            "schedule": 3600.0,
            "options": {"queue": "accounts_purge"},
        },
        "check_account_active": {
            "task": "check_account_active.suspend_ended",
            "schedule": 3600.0,
            "options": {"queue": "check_account_active"},
        },
        "short_link_clicks": {
            "task": "short_link_clicks.record",
            "schedule": 30.0,
            "options": {"queue": "short_link_clicks"},
        },
        "edocs": {"task": "edocs.sweep", "schedule": 900.0, "options": {"queue": "edocs"}},
        "projects": {
            "task": "projects.send_due",
            "schedule": 60.0,
            "options": {"queue": "projects"},
        },
        "booking_reminders": {
            "task": "booking_reminders.send_due",
            "schedule": 60.0,
            "options": {"queue": "booking_reminders"},
        },
        "support_snooze": {
            "task": "support_snooze.reopen_due",
            "schedule": 60.0,
            "options": {"queue": "support_snooze"},
        },
        "support_communication_check": {
            "task": "support_communication_check.flag_waiting",
            "schedule": 300.0,
            "options": {"queue": "support_communication_check"},
        },
        **{
            switch: {"task": task, "schedule": every, "options": {"queue": switch}}
            for switch, task, every in [
                ("subscription_activate", "subscription_activate.start_due", 300.0),
                ("subscription_cancel", "subscription_cancel.end_due", 300.0),
                (
                    "subscription_pending_subaccount_charge",
                    "subscription_pending_subaccount_charge.sweep",
                    300.0,
                ),
                (
                    "subscription_charge_mainaccount",
                    "subscription_charge_mainaccount.sweep",
                    3600.0,
                ),
                ("billing_new_auth", "billing_new_auth.check", 300.0),
                ("verify_stripe_domains", "verify_stripe_domains.register", 21600.0),
                (
                    "lightning_domain_validation",
                    "lightning_domain_validation.recheck_pending",
                    300.0,
                ),
                ("lightning_domain_renewal", "lightning_domain_renewal.watch_certificates", 3600.0),
                ("instasites_purge", "instasites_purge.purge_unclaimed", 3600.0),
            ]
        },
        "onebalance_balance_reload": {
            "task": "onebalance_balance_reload.reload_due",
            "schedule": 300.0,
            "options": {"queue": "onebalance_balance_reload"},
        },
        "onebalance_balance_charge": {
            "task": "onebalance_balance_charge.settle",
            "schedule": 600.0,
            "options": {"queue": "onebalance_balance_charge"},
        },
        "reputation": {
            "task": "reputation.sweep",
            "schedule": 900.0,
            "options": {"queue": "reputation"},
        },
        "affiliates": {
            "task": "affiliates.sweep",
            "schedule": 3600.0,
            "options": {"queue": "affiliates"},
        },
        "client_reports": {
            "task": "client_reports.send_due",
            "schedule": 300.0,
            "options": {"queue": "client_reports"},
        },
        "analytics_sync": {
            "task": "analytics_sync.nightly",
            "schedule": 86400.0,
            "options": {"queue": "analytics_sync"},
        },
        "crm_sync_poll": {
            "task": "crm_sync_poll.pull_all",
            "schedule": 900.0,
            "options": {"queue": "crm_sync_poll"},
        },
        "email_lists": {
            "task": "email_lists.poll_all",
            "schedule": 900.0,
            "options": {"queue": "email_lists"},
        },
    }


def test_the_compose_worker_command_starts_a_worker_that_answers_ping():
    with running_worker("--pool=solo", "--hostname=probe@%h") as worker:
        answers: dict = {}

        def answered() -> bool:
            assert worker.poll() is None, "the worker exited"
            answers.update(app.control.inspect(timeout=1).ping() or {})
            return any(name.startswith("probe@") for name in answers)

        wait_until(answered, "the worker to answer ping")


def test_a_worker_with_nothing_switched_on_says_so_in_one_line_and_exits_non_zero():
    every_switch_off = {f"QM_{name.upper()}": "false" for name in switch_names()}
    worker = subprocess.run(
        [*CELERY, "worker", "--pool=solo"],
        cwd=ROOT,
        env={**os.environ, **every_switch_off},
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )

    assert worker.returncode == NOTHING_TO_CONSUME
    said = [line for line in worker.stderr.splitlines() if "switched on" in line]
    assert len(said) == 1 and "nothing to consume" in said[0]


def test_a_worker_started_without_queues_leaves_a_switched_off_queue_alone(broker, sender):
    broker.delete("contacts")
    sender.send_now("contacts.import_rows", {"job_id": "j1"}, uuid.uuid4().hex)

    with running_worker("--pool=solo", QM_CONTACTS="false"):
        done = sender.send_now("task_runs_cleanup.delete_finished", {}, uuid.uuid4().hex)
        assert app.AsyncResult(done).get(timeout=WAIT_SECONDS) == 0

    assert broker.llen("contacts") == 1
    broker.delete("contacts")


def test_a_task_whose_worker_is_killed_mid_run_completes_once_on_a_new_worker(broker, sender):
    key = f"lost-{uuid.uuid4().hex}"
    flags = (
        "--pool=prefork",
        "--concurrency=1",
        f"--queues={BLOCKING_QUEUE}",
        "--include=tests.queue_manager.blocking_tasks",
    )
    # Redis hands the task on 11 s after the kill, not two hours.
    short = {"QUEUE_MANAGER_TASK_TIME_LIMIT_SECONDS": "5"}
    task_id = sender.send_now(f"{BLOCKING_QUEUE}.count_when_released", {"key": key}, key)
    first = start_worker(*flags, **short)
    try:
        wait_until(lambda: broker.llen(f"{key}:started") == 1, "the task to start")
    finally:
        kill(first)
    broker.set(f"{key}:released", 1)

    second = start_worker(*flags, **short)
    try:
        result = app.AsyncResult(task_id).get(timeout=WAIT_SECONDS)
    finally:
        stop(second)

    assert result == 1
    assert broker.get(f"{key}:effect") == b"1"
    started_in = broker.lrange(f"{key}:started", 0, -1)
    assert len(started_in) == 2 and started_in[0] != started_in[1]


def test_a_stopped_worker_hands_its_running_task_back_for_the_next_worker(broker, sender):
    key = f"stopped-{uuid.uuid4().hex}"
    flags = (
        "--pool=prefork",
        "--concurrency=1",
        f"--queues={BLOCKING_QUEUE}",
        "--include=tests.queue_manager.blocking_tasks",
    )
    task_id = sender.send_now(f"{BLOCKING_QUEUE}.count_when_released", {"key": key}, key)
    first = start_worker(*flags)
    wait_until(lambda: broker.llen(f"{key}:started") == 1, "the task to start")

    stop(first)  # SIGTERM, as `docker compose stop` sends it
    broker.set(f"{key}:released", 1)
    second = start_worker(*flags)
    try:
        result = app.AsyncResult(task_id).get(timeout=WAIT_SECONDS)
    finally:
        stop(second)

    assert first.returncode == 0
    assert result == 1
    assert broker.get(f"{key}:effect") == b"1"
    assert len(broker.lrange(f"{key}:started", 0, -1)) == 2
