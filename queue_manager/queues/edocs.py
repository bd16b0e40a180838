"""Queue `edocs` (QM_EDOCS): a completed document's final PDF printed by headless Chromium and
stored in the file storage (`shared.domain.edocs.final_pdf`: once, however often its task runs), and
the cron sweeping reminders and expiries (`shared.domain.edocs.reminders`)."""

from queue_manager.celery import app, settings
from shared.domain.edocs.errors import DocumentTampered
from shared.domain.edocs.final_pdf import store_final_pdf
from shared.domain.edocs.links import link_key
from shared.domain.edocs.reminders import sweep
from shared.utilities.storage_settings import storage_for
from shared.utilities.task_names import EDOCS_RENDER_PDF, EDOCS_SWEEP
from shared.utilities.worker import PermanentError, platform_task


@platform_task(app, EDOCS_RENDER_PDF)
async def render_pdf(document_id: str, account_id: str) -> bool:
    """Whether this run stored the PDF; a tampered document is dead-lettered, not retried."""
    storage = storage_for(settings)
    try:
        return await store_final_pdf(document_id, account_id, storage, settings.chromium_path)
    except DocumentTampered as error:
        raise PermanentError(str(error)) from error


@platform_task(app, EDOCS_SWEEP)
async def sweep_documents() -> dict:
    """Returns how many signers were reminded and how many documents expired."""
    swept = await sweep(settings, link_key(settings))
    return {"reminded": swept.reminded, "expired": swept.expired}
