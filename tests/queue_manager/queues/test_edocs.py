"""Queue `edocs` on a real worker: a completed document's PDF task, delivered twice (a retry,
a duplicate), prints and stores one PDF; the sweep cron, run twice, sends one reminder."""

import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from queue_manager.celery import settings as queue_manager_settings
from shared.domain.edocs import signing
from shared.domain.edocs.signatures import typed_signature
from shared.models.base import utc_now
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from shared.utilities.tasks import TaskSender
from tests.edocs_factories import CLIENT, KEY, create_draft, send_draft, tokens_of
from tests.factories import create_account, create_contact
from tests.shared.domain.held import holding

WAIT_SECONDS = 60


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(queue_manager_settings, "files_dir", tmp_path)
    return tmp_path


@pytest.fixture
def sender():
    tasks = TaskSender(queue_manager_settings.redis_url)
    yield tasks
    tasks.close()


async def run(sender: TaskSender, name: str, **kwargs):
    task_id = await sender.send(name, kwargs, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def sent_document(signers=(("Ada Lovelace", "ada@example.com"),)) -> EdocsDocument:
    account = await create_account()
    async with holding():
        return await send_draft(
            await create_draft(account, await create_contact(account), signers=signers)
        )


@pytest.mark.timeout(180)
async def test_the_pdf_task_delivered_twice_stores_one_pdf(worker, sender, files):
    document = await sent_document()
    [token] = await tokens_of(document)
    async with holding():
        await signing.sign(KEY, token, typed_signature("Ada Lovelace"), CLIENT)
    arguments = {"document_id": str(document.id), "account_id": str(document.account_id)}

    first = await run(sender, "edocs.render_pdf", **arguments)
    again = await run(sender, "edocs.render_pdf", **arguments)

    stored = await EdocsDocument.get(document.id)
    assert (first, again) == (True, False)
    assert [path.name for path in files.iterdir()] == [stored.pdf_key]
    assert (files / stored.pdf_key).read_bytes().startswith(b"%PDF")


async def test_the_sweep_run_twice_reminds_a_signer_once(worker, sender, monkeypatch):
    monkeypatch.setattr(queue_manager_settings, "edocs_reminder_interval_hours", 1)
    document = await sent_document()
    signer = await EdocsSigner.find_one({"document_id": document.id})
    signer.invited_at = utc_now() - timedelta(hours=2)
    await signer.save()

    first = await run(sender, "edocs.sweep")
    again = await run(sender, "edocs.sweep")

    assert (first["reminded"], again["reminded"]) == (1, 0)
    assert (await EdocsSigner.get(signer.id)).reminders_sent == 1
