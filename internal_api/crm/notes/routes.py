"""Notes under the record they are on: `/v1/crm/contacts/{id}/notes` and
`/v1/crm/deals/{id}/notes`. Both answer alike; only the scopes differ (contacts:* or deals:*),
so one function builds each router."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.crm.notes import service
from internal_api.crm.notes.schemas import NoteCreate, NoteRead, NoteUpdate
from internal_api.crm.notes.service import CONTACT, DEAL, NotedRecord, RecordKind
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging


def noted_record(kind: RecordKind, scope: str) -> Callable:
    """A dependency: the record in the path, visible to a caller holding `scope`."""

    async def load(
        record_id: str, principal: Annotated[Principal, Depends(requires(scope))]
    ) -> NotedRecord:
        return await service.load_record(principal, kind, record_id)

    return load


def notes_router(kind: RecordKind) -> APIRouter:
    router = APIRouter(prefix=f"/v1/crm/{kind.name}s/{{record_id}}/notes", tags=["notes"])
    Reading = Annotated[NotedRecord, Depends(noted_record(kind, kind.read_scope))]
    Writing = Annotated[NotedRecord, Depends(noted_record(kind, kind.write_scope))]

    @router.get(
        "",
        summary=f"The {kind.name}'s notes, newest first",
        description="`?sort=-pinned` puts pinned notes first.",
        responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
    )
    async def list_notes(record: Reading, paging: Paging) -> Page[NoteRead]:
        return mapped(await service.list_notes(record, paging), NoteRead.of)

    @router.post(
        "",
        status_code=201,
        summary=f"Add a note to the {kind.name}",
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def add_note(record: Writing, body: NoteCreate) -> NoteRead:
        return NoteRead.of(await service.add_note(record, body))

    @router.patch(
        "/{note_id}",
        summary="Edit or pin a note",
        description="Only its author, an owner or an admin.",
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def update_note(record: Writing, note_id: str, body: NoteUpdate) -> NoteRead:
        return NoteRead.of(await service.update_note(record, note_id, body))

    @router.delete(
        "/{note_id}",
        status_code=204,
        summary="Delete a note",
        description="Only its author, an owner or an admin.",
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def delete_note(record: Writing, note_id: str) -> Response:
        await service.delete_note(record, note_id)
        return Response(status_code=204)

    return router


contact_notes_router = notes_router(CONTACT)
deal_notes_router = notes_router(DEAL)
