"""Notes on contacts and deals. The record is loaded through the caller's visible repository
first, so a note on a hidden record answers 404; only its author, an owner or an admin may
change or delete a note. Adding one is written to the record's activity log."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from internal_api.crm.notes.errors import NotNoteAuthor
from internal_api.crm.notes.repository import NoteRepository
from internal_api.crm.notes.schemas import NoteCreate, NoteUpdate
from internal_api.crm.visibility import SEES_EVERYTHING, VisibleRepository, visibility_filter
from shared.domain.activities import recording as activities
from shared.models.base import TenantDocument
from shared.models.contact import Contact
from shared.models.crm_log import FieldChange
from shared.models.crm_note import CrmNote
from shared.models.deal import Deal
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id


@dataclass(frozen=True)
class RecordKind:
    """A kind of record that takes notes, and the scopes reading and writing them need."""

    name: str  # "contact": the activity log's entity type, and the note's `<name>_id` field
    noun: str  # as users know it: "Contact"
    model: type[TenantDocument]
    read_scope: str
    write_scope: str


CONTACT = RecordKind("contact", "Contact", Contact, "contacts:read", "contacts:write")
DEAL = RecordKind("deal", "Deal", Deal, "deals:read", "deals:write")


@dataclass(frozen=True)
class NotedRecord:
    """A record the caller may see, and the caller."""

    principal: Principal
    kind: RecordKind
    id: PydanticObjectId

    @property
    def field(self) -> str:
        return f"{self.kind.name}_id"

    def notes(self) -> NoteRepository:
        return NoteRepository(self.principal.account_id)


async def load_record(principal: Principal, kind: RecordKind, record_id: str) -> NotedRecord:
    records = VisibleRepository(
        kind.model, principal.account_id, await visibility_filter(principal)
    )
    oid = object_id(record_id)
    # A deleted contact takes no notes; deals have no `deleted_at`, which matches None.
    found = await records.find_one({"_id": oid, "deleted_at": None}) if oid else None
    if found is None or found.id is None:
        raise NotFound(f"{kind.noun} {record_id} does not exist.")
    return NotedRecord(principal, kind, found.id)


async def add_note(record: NotedRecord, body: NoteCreate) -> CrmNote:
    note = await record.notes().create(
        **{record.field: record.id},
        author_id=PydanticObjectId(record.principal.sub),
        body=body.body,
        pinned=body.pinned,
    )
    await activities.record(
        record.principal.account_id,
        PydanticObjectId(record.principal.sub),
        record.kind.name,
        record.id,
        "note_added",
        [FieldChange(field="note_id", new=str(note.id))],
    )
    return note


async def list_notes(record: NotedRecord, params: PageParams) -> Page[CrmNote]:
    return await record.notes().paginate(params, {record.field: record.id})


async def update_note(record: NotedRecord, note_id: str, body: NoteUpdate) -> CrmNote:
    note = await editable_note(record, note_id)
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(note, field, value)
    await note.save()
    return note


async def delete_note(record: NotedRecord, note_id: str) -> None:
    note = await editable_note(record, note_id)
    await note.delete()


async def delete_for_deal(account_id: PydanticObjectId, deal_id: PydanticObjectId) -> None:
    """A deleted deal's notes go with it."""
    await NoteRepository(account_id).delete_on_deal(deal_id)


async def editable_note(record: NotedRecord, note_id: str) -> CrmNote:
    """The note, if it is on this record and the caller may change it."""
    note = await record.notes().on_record(record.field, record.id, note_id)
    if note is None:
        raise NotFound(f"Note {note_id} does not exist.")
    principal = record.principal
    if note.author_id != PydanticObjectId(principal.sub) and principal.role not in SEES_EVERYTHING:
        raise NotNoteAuthor()
    return note
