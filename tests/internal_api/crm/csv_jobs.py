"""What the import and export tests share: an API storing files in a temporary directory, the
queue manager's worker running their tasks on the same directory, and waiting for a job to
finish."""

import asyncio

import pytest

from queue_manager.celery import app as queue_manager
from queue_manager.celery import settings as queue_manager_settings
from shared.models.custom_field import CustomField, CustomFieldType
from tests.worker_in_process import worker_on_this_loop

FINISHED = ("done", "failed")


@pytest.fixture(scope="module")
async def worker():
    """The queue manager's worker, once per module: stopping one takes a second."""
    async with worker_on_this_loop(queue_manager):
        yield


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
