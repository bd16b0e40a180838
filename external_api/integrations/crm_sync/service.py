"""The CRM sync as the external API runs it: an account sets its sync up (mapping, policies)
and starts the import; the queue manager asks it to pull, push or apply a webhook's changes,
each run on the account's rate-limited connection to the CRM through the shared engine."""

from beanie import PydanticObjectId

from external_api.integrations.crm_sync.adapters import ADAPTERS
from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.crm_sync.limited import LimitedHttp
from external_api.integrations.crm_sync.schemas import CrmSyncSetup, RecordChanges
from external_api.integrations.framework.runtime import Integrations
from shared.domain.contacts.writing import platform_author
from shared.domain.crm_sync.errors import ImportRunning, SyncNotSetUp
from shared.domain.crm_sync.importing import apply_changes, pull
from shared.domain.crm_sync.limiter import ProviderLimiter
from shared.domain.crm_sync.mapping import check_field_map
from shared.domain.crm_sync.outgoing import push_contact
from shared.domain.crm_sync.repository import SyncRepository
from shared.domain.crm_sync.run import SyncRun
from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from shared.models.crm_sync_log import CrmSyncLogEntry, SyncOutcome
from shared.utilities.errors import NotFound
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import CRM_SYNC_PULL


def adapter_class(provider: str) -> type[HttpCrmAdapter]:
    if provider not in ADAPTERS:
        raise NotFound(f"No CRM sync is called {provider}.")
    return ADAPTERS[provider]


async def read_setup(account_id: str, provider: str) -> CrmSyncConnection:
    adapter_class(provider)
    connection = await SyncRepository(account_id, provider).connection()
    if connection is None:
        raise SyncNotSetUp(f"The account has not set up its {provider} sync.")
    return connection


async def set_up(
    integrations: Integrations, account_id: str, provider: str, setup: CrmSyncSetup
) -> CrmSyncConnection:
    """Needs the account connected to the CRM (409 otherwise); the mapping is checked against
    the account's fields before anything is stored."""
    adapter = adapter_class(provider)
    await integrations.store(provider).connected(account_id)
    if setup.field_map:
        await check_field_map(PydanticObjectId(account_id), setup.field_map)
    repository = SyncRepository(account_id, provider)
    connection = await repository.connection()
    if connection is None:
        connection = CrmSyncConnection(
            account_id=PydanticObjectId(account_id),
            provider=provider,
            field_map=adapter.default_field_map,
        )
        crm = await adapter_on(integrations, account_id, provider, [])
        await crm.subscribe(integrations.settings, account_id)
    given = setup.model_dump(exclude_unset=True, exclude_none=True)
    if given.get("field_map") == {}:
        given["field_map"] = adapter.default_field_map
    for name, value in given.items():
        setattr(connection, name, value)
    await connection.save()
    return connection


async def start_import(account_id: str, provider: str) -> CrmSyncConnection:
    """The first pull, in the background: every CRM record, progress on the general socket."""
    connection = await read_setup(account_id, provider)
    if connection.import_status is ImportStatus.RUNNING:
        raise ImportRunning()
    connection.import_status, connection.imported, connection.import_error = (
        ImportStatus.RUNNING,
        0,
        "",
    )
    connection.cursor = None
    await connection.save()
    enqueue_job(CRM_SYNC_PULL, account_id=account_id, provider=provider)
    return connection


async def sync_log(account_id: str, provider: str, paging: PageParams) -> Page[CrmSyncLogEntry]:
    await read_setup(account_id, provider)
    log = SyncRepository(account_id, provider).log
    return await log.paginate(paging, {"provider": provider})


async def adapter_on(
    integrations: Integrations, account_id: str, provider: str, fields: list[str]
) -> HttpCrmAdapter:
    """The CRM's adapter on the account's connection, each call in the provider's limit."""
    cls = adapter_class(provider)
    credential = await integrations.store(provider).connected(account_id)
    limiter = ProviderLimiter(integrations.redis, provider, account_id, cls.rate_limit)
    http = LimitedHttp(integrations.connected_http(provider, account_id), limiter)
    return cls(http, credential, fields)


async def run_for(integrations: Integrations, account_id: str, provider: str) -> SyncRun:
    """A run on the account's connection, in its phone region, as the platform."""
    connection = await read_setup(account_id, provider)
    fields = list((connection.field_map or adapter_class(provider).default_field_map).values())
    adapter = await adapter_on(integrations, account_id, provider, fields)
    author = await platform_author(PydanticObjectId(account_id), integrations.settings)
    return SyncRun(adapter, author, connection, SyncRepository(account_id, provider))


async def run_pull(
    integrations: Integrations, senders: Senders, account_id: str, provider: str
) -> int:
    """The import's progress is sent as it goes (an outbox of its own, flushed per page)."""
    run = await run_for(integrations, account_id, provider)
    async with collecting(senders):
        try:
            return await pull(run)
        except Exception as failure:
            if run.connection.import_status is ImportStatus.RUNNING:
                run.connection.import_status = ImportStatus.FAILED
                run.connection.import_error = str(failure)[:500]
                await run.connection.save()
            raise


async def run_push(
    integrations: Integrations, account_id: str, provider: str, contact_id: str
) -> SyncOutcome:
    run = await run_for(integrations, account_id, provider)
    return await push_contact(run, contact_id)


async def run_changes(
    integrations: Integrations, account_id: str, provider: str, changes: RecordChanges
) -> list[SyncOutcome]:
    run = await run_for(integrations, account_id, provider)
    pairs = [(change.external_id, change.deleted) for change in changes.changes]
    return await apply_changes(run, pairs)
