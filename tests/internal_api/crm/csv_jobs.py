"""What the import and export tests share: an API storing files in a temporary directory,
and waiting for a background job to finish."""

import asyncio

import pytest

from shared.models.custom_field import CustomField, CustomFieldType

FINISHED = ("done", "failed")


@pytest.fixture
def start_files_api(start_api, tmp_path):
    """`async with start_files_api(**settings) as client`, its files under tmp_path."""

    def start(**overrides):
        return start_api(files_dir=tmp_path, **overrides)

    return start


@pytest.fixture
async def api(start_files_api):
    async with start_files_api() as client:
        yield client


async def finished(api, url: str, headers: dict[str, str]) -> dict:
    """The job once it is done or failed."""
    for _ in range(500):
        job = (await api.get(url, headers=headers)).json()
        if job["status"] in FINISHED:
            return job
        await asyncio.sleep(0.01)
    raise AssertionError(f"{url} did not finish: {job}")


async def create_custom_field(account, key: str, field_type: CustomFieldType, **overrides):
    fields = {"account_id": account.id, "key": key, "label": key.title(), "type": field_type}
    return await CustomField(**{**fields, **overrides}).insert()
