"""Queue mode: the service enqueues `notifications.send` on Redis and the notifications worker
(a real Celery worker on the test Redis, in this process with a solo pool so it shares the test
database) sends with the same function, retrying through the task runtime."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from notifications.celery import app as command_line_app
from notifications.celery import create_celery
from shared.models.base import utc_now
from tests.factories import create_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import create_delivery, service_headers, settled
from tests.notifications.fake_providers import sendgrid_error, timeout
from tests.worker_in_process import worker_on_this_loop

ROOT = Path(__file__).resolve().parents[3]
LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/1"}
QUEUE_MODE = configured_settings(queue_mode=True)


@pytest.fixture
async def worker(mongo, fake_providers):
    celery = create_celery(QUEUE_MODE, fake_providers.transport())
    async with worker_on_this_loop(celery):
        yield celery


@pytest.fixture
async def queued(start_notifications, worker):
    """The service in queue mode, its worker running."""
    async with start_notifications(QUEUE_MODE) as client:
        yield client


async def send_email(client) -> str:
    account = await create_account()
    answer = await client.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    assert answer.status_code == 202, answer.text
    return answer.json()["id"]


async def test_the_worker_sends_what_the_service_queued(queued, fake_providers):
    delivery = await settled(await send_email(queued))

    assert (delivery.status, delivery.provider) == ("sent", "sendgrid")
    assert fake_providers.requests["sendgrid"][0].json()["subject"] == "New lead: Grace"


async def test_the_worker_retries_a_failing_provider_until_it_accepts(queued, fake_providers):
    fake_providers.queue("sendgrid", sendgrid_error(503, "busy"), timeout())

    delivery = await settled(await send_email(queued))

    assert (delivery.status, delivery.attempts) == ("sent", 3)
    assert len(fake_providers.requests["sendgrid"]) == 3


async def test_the_worker_fails_a_refused_delivery_without_retrying(queued, fake_providers):
    fake_providers.queue("sendgrid", sendgrid_error(403, "access forbidden"))

    delivery = await settled(await send_email(queued))

    assert (delivery.status, delivery.reason) == ("failed", "403 access forbidden")
    assert len(fake_providers.requests["sendgrid"]) == 1


async def test_the_worker_gives_up_after_the_tries_allowed(queued, fake_providers):
    fake_providers.queue("sendgrid", *[sendgrid_error(500, "down")] * 3)

    delivery = await settled(await send_email(queued))

    assert (delivery.status, delivery.reason) == ("failed", "gave up after 3 tries: 500 down")
    assert len(fake_providers.requests["sendgrid"]) == 3


async def test_a_delivery_released_after_quiet_hours_is_sent_by_the_worker(
    start_notifications, worker, fake_providers
):
    account = await create_account()
    delivery = await create_delivery(
        account, status="deferred", send_after=utc_now() - timedelta(seconds=1)
    )

    async with start_notifications(configured_settings(queue_mode=True, sweep_seconds=0.05)):
        await settled(str(delivery.id), leaving="deferred")
        sent = await settled(str(delivery.id))

    assert (sent.status, sent.provider) == ("sent", "sendgrid")


def test_the_command_line_app_consumes_the_notifications_queue_only():
    assert [queue.name for queue in command_line_app.conf.task_queues] == ["notifications"]
    assert "notifications.send" in command_line_app.tasks


def test_celery_a_notifications_worker_starts_a_worker_that_answers_ping():
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "notifications",
            "worker",
            "--pool=solo",
            "--hostname=notifications-probe@%h",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=os.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answers = None
        for _ in range(60):
            assert worker.poll() is None, worker.stderr.read()
            answers = command_line_app.control.inspect(timeout=0.5).ping()
            if answers:
                break
        assert answers and any(name.startswith("notifications-probe@") for name in answers)
    finally:
        worker.terminate()
        worker.wait(timeout=20)
