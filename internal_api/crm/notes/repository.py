"""Every query on notes: an account's notes, each on one contact or one deal."""

from beanie import PydanticObjectId

from shared.models.crm_note import CrmNote
from shared.utilities.repository import TenantRepository, object_id


class NoteRepository(TenantRepository[CrmNote]):
    noun = "Note"
    sortable = frozenset({"created_at", "updated_at", "pinned"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CrmNote, account_id)

    async def on_record(
        self, field: str, record_id: PydanticObjectId, note_id: str
    ) -> CrmNote | None:
        """The note, if it is on that record (`field` is `contact_id` or `deal_id`)."""
        oid = object_id(note_id)
        return await self.find_one({"_id": oid, field: record_id}) if oid else None

    async def delete_on_deal(self, deal_id: PydanticObjectId) -> None:
        await CrmNote.find(self.scoped({"deal_id": deal_id})).delete()
