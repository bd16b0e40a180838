"""Who may read and write the notes of a record: the record's own scopes (contacts:* or
deals:*), and only on a record the caller may see. Each router of notes makes its aliases:

    NotesRead = Annotated[NotedRecord, Depends(noted_record(DEAL, DEAL.read_scope))]
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends

from internal_api.crm.notes import service
from internal_api.crm.notes.service import NotedRecord, RecordKind
from shared.utilities.auth import Principal, requires


def noted_record(kind: RecordKind, scope: str) -> Callable:
    """A dependency: the record in the path, visible to a caller holding `scope`."""

    async def load(
        record_id: str, principal: Annotated[Principal, Depends(requires(scope))]
    ) -> NotedRecord:
        return await service.load_record(principal, kind, record_id)

    return load
