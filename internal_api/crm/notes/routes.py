"""Notes under the record they are on: `/v1/crm/contacts/{id}/notes` and
`/v1/crm/deals/{id}/notes`. Both answer alike; only the scopes differ (contacts:* or deals:*),
so one function builds each router."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.crm.notes import service
from internal_api.crm.notes.auth import noted_record
from internal_api.crm.notes.errors import NotNoteAuthor
from internal_api.crm.notes.repository import NoteRepository
from internal_api.crm.notes.schemas import NoteCreate, NoteRead, NoteUpdate
from internal_api.crm.notes.service import CONTACT, DEAL, NotedRecord, RecordKind
from shared.models.crm_note import CrmNote
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

NotePaging = Annotated[PageParams, Depends(sorted_by(NoteRepository.sortable))]


def notes_router(kind: RecordKind) -> APIRouter:
    router = APIRouter(prefix=f"/v1/crm/{kind.name}s/{{record_id}}/notes", tags=["notes"])
    NotesRead = Annotated[NotedRecord, Depends(noted_record(kind, kind.read_scope))]
    NotesWrite = Annotated[NotedRecord, Depends(noted_record(kind, kind.write_scope))]

    @router.get(
        "",
        response_model=Page[NoteRead],
        summary=f"The {kind.name}'s notes, newest first",
        description="`?sort=-pinned` puts pinned notes first.",
        responses=error_responses(*SIGNED_IN, NotFound),
    )
    async def list_notes(record: NotesRead, paging: NotePaging) -> Page[CrmNote]:
        return await service.list_notes(record, paging)

    @router.post(
        "",
        status_code=201,
        response_model=NoteRead,
        summary=f"Add a note to the {kind.name}",
        responses=error_responses(*SIGNED_IN, NotFound),
    )
    async def add_note(record: NotesWrite, body: NoteCreate) -> CrmNote:
        return await service.add_note(record, body)

    @router.patch(
        "/{note_id}",
        response_model=NoteRead,
        summary="Edit or pin a note",
        description="Only its author, an owner or an admin.",
        responses=error_responses(*SIGNED_IN, NotFound, NotNoteAuthor),
    )
    async def update_note(record: NotesWrite, note_id: str, body: NoteUpdate) -> CrmNote:
        return await service.update_note(record, note_id, body)

    @router.delete(
        "/{note_id}",
        status_code=204,
        summary="Delete a note",
        description="Only its author, an owner or an admin.",
        responses=error_responses(*SIGNED_IN, NotFound, NotNoteAuthor),
    )
    async def delete_note(record: NotesWrite, note_id: str) -> Response:
        await service.delete_note(record, note_id)
        return Response(status_code=204)

    return router


contact_notes_router = notes_router(CONTACT)
deal_notes_router = notes_router(DEAL)
