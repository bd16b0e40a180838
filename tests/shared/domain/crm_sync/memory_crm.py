"""A CRM kept in memory, for the engine's tests: the adapter interface and nothing else
(the providers' HTTP is faked at the transport in `tests/external_api/fakes/`)."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, ClassVar

from shared.domain.contacts.writing import Author
from shared.domain.crm_sync.adapter import CrmAdapter, CrmRecord, RateLimit, RecordPage
from shared.domain.crm_sync.run import SyncRun
from shared.models.base import utc_now
from shared.models.crm_sync_connection import CrmSyncConnection
from shared.utilities.errors import InvalidInput

FIELD_MAP = {"first_name": "first", "last_name": "last", "emails.0": "email"}


class MemoryCrm(CrmAdapter):
    provider: ClassVar[str] = "memory"
    rate_limit: ClassVar[RateLimit] = RateLimit(100, 10)
    default_field_map: ClassVar[dict[str, str]] = FIELD_MAP

    def __init__(self, page_size: int = 2) -> None:
        self.records: dict[str, CrmRecord] = {}
        self.page_size = page_size
        self.calls: list[tuple[str, Any]] = []
        self.refusal: str | None = None  # what the CRM answers a write, when it refuses it

    def put(self, external_id: str, modified_at: datetime | None = None, **fields) -> CrmRecord:
        """A record as the CRM's own user would write it (not through the adapter)."""
        record = CrmRecord(external_id, fields, modified_at or utc_now())
        self.records[external_id] = record
        return record

    def changed_later(self, external_id: str, **fields) -> CrmRecord:
        old = self.records[external_id]
        later = utc_now() + timedelta(minutes=5)
        return self.put(external_id, later, **{**old.fields, **fields})

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        changed = sorted(
            (r for r in self.records.values() if since is None or r.modified_at > since),
            key=lambda r: r.modified_at,
        )
        start = int(page or 0)
        end = start + self.page_size
        return RecordPage(changed[start:end], str(end) if end < len(changed) else None)

    async def get(self, external_id: str) -> CrmRecord | None:
        return self.records.get(external_id)

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        self.calls.append(("create", fields))
        if self.refusal:
            raise InvalidInput(self.refusal)
        return self.put(f"m{len(self.records) + 1}", **fields)

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        self.calls.append(("update", (external_id, fields)))
        return self.put(external_id, **{**self.records[external_id].fields, **fields})

    async def delete(self, external_id: str) -> None:
        self.calls.append(("delete", external_id))
        self.records.pop(external_id, None)

    def deleted(self, external_id: str) -> CrmRecord:
        return replace(self.records.pop(external_id), deleted=True, modified_at=utc_now())


async def sync_run(author: Author, crm: MemoryCrm, **settings) -> SyncRun:
    await CrmSyncConnection(
        account_id=author.account_id, provider=crm.provider, **settings
    ).insert()
    return await SyncRun.start(crm, author)
