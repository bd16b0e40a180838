"""What the import and export tests share: an API storing files in a temporary directory, the
queue manager's worker running their tasks on the same directory, and waiting for a job to
finish."""

import asyncio

import pytest
from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app as queue_manager
from queue_manager.celery import settings as queue_manager_settings
from shared.models.custom_field import CustomField, CustomFieldType
from shared.utilities.worker import use_event_loop

FINISHED = ("done", "failed")


@pytest.fixture(scope="module")
async def worker():
    """The queue manager's worker (solo pool, bodies on the tests' loop and database), once per
    module: stopping one takes a second."""
    queue_manager.control.purge()
    use_event_loop(asyncio.get_running_loop())
    running = start_worker(queue_manager, pool="solo", perform_ping_check=False)
    running.__enter__()
    try:
        yield
    finally:
        # Off the loop: a task the worker took meanwhile runs its body on this loop.
        await asyncio.to_thread(running.__exit__, None, None, None)
        use_event_loop(None)


@pytest.fixture
def start_files_api(start_api, tmp_path, worker, monkeypatch):
    """`async with start_files_api(**settings) as client`, its files under tmp_path, where the
    queue manager's tasks find them."""
    monkeypatch.setattr(queue_manager_settings, "files_dir", tmp_path)

    def start(**overrides):
        return start_api(files_dir=tmp_path, **overrides)

    return start


@pytest.fixture
async def api(start_files_api):
    async with start_files_api() as client:
        yield client


async def finished(api, url: str, headers: dict[str, str]) -> dict:
    """The job once it is done or failed."""
    for _ in range(1000):
        job = (await api.get(url, headers=headers)).json()
        if job["status"] in FINISHED:
            return job
        await asyncio.sleep(0.01)
    raise AssertionError(f"{url} did not finish: {job}")


async def create_custom_field(account, key: str, field_type: CustomFieldType, **overrides):
    fields = {"account_id": account.id, "key": key, "label": key.title(), "type": field_type}
    return await CustomField(**{**fields, **overrides}).insert()
