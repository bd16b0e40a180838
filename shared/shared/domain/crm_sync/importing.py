"""The initial import and every later pull: the CRM's records modified since the connection's
cursor (all of them the first time), page by page, each applied and logged; progress saved and
pushed live to the account on the general socket (`crm-sync:progress`) after every page, so
what is done stands whatever happens next."""

from shared.domain.crm_sync.adapter import CrmRecord
from shared.domain.crm_sync.incoming import apply_record
from shared.domain.crm_sync.run import SyncRun
from shared.models.base import utc_now
from shared.models.crm_sync_connection import ImportStatus
from shared.models.crm_sync_log import SyncOutcome
from shared.utilities.outbox import emit, flush
from shared.utilities.realtime import Socket, account_room

PROGRESS_EVENT = "crm-sync:progress"


async def pull(run: SyncRun) -> int:
    """How many records were applied. The cursor moves to the latest modification time seen
    once the whole pass is done (a pass broken off starts again from the same cursor; records
    seen again are unchanged)."""
    connection = run.connection
    importing = connection.import_status is not ImportStatus.DONE
    since, latest, page, applied = connection.cursor, connection.cursor, None, 0
    if importing:
        connection.import_status, connection.imported = ImportStatus.RUNNING, 0
    while True:
        found = await run.adapter.changed_since(since, page)
        for record in found.records:
            await apply_record(run, record)
            latest = max(latest, record.modified_at) if latest else record.modified_at
        applied += len(found.records)
        page = found.next_page
        if importing:
            connection.imported = applied
            await saved(run, ImportStatus.DONE if page is None else ImportStatus.RUNNING)
        if page is None:
            break
    connection.cursor = latest
    await connection.save()
    return applied


async def saved(run: SyncRun, status: ImportStatus) -> None:
    connection = run.connection
    connection.import_status = status
    await connection.save()
    progress = {"provider": run.provider, "status": status.value, "imported": connection.imported}
    emit(Socket.GENERAL, PROGRESS_EVENT, progress, account_room(connection.account_id))
    await flush()


async def apply_changes(run: SyncRun, changes: list[tuple[str, bool]]) -> list[SyncOutcome]:
    """A webhook's changes, by record id and whether it was deleted: each record read again
    from the CRM (a webhook carries a field or none), one the CRM no longer has counting as
    deleted."""
    outcomes = []
    for external_id, deleted in changes:
        record = None if deleted else await run.adapter.get(external_id)
        if record is None:
            record = CrmRecord(external_id, {}, utc_now(), deleted=True)
        outcomes.append(await apply_record(run, record))
    return outcomes
