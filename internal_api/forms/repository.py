"""Every query of the forms builder: an account's forms and their versions' snapshots. Its
submissions are the domain's (`shared.domain.forms.repository.SubmissionRepository`)."""

from contextlib import suppress

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.form import Form, FormStep, FormVersion
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


class FormRepository(TenantRepository[Form]):
    noun = "Form"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Form, account_id)

    async def listed(self, params: PageParams, archived: bool) -> Page[Form]:
        return await self.paginate(params, {"archived_at": {"$ne": None} if archived else None})

    async def replace_definition(self, form: Form, was_version: int) -> bool:
        """Stores the form (its definition at a new version) only if it is still at
        `was_version`: whether it was (another editor's change did not come first)."""
        form.updated_at = utc_now()
        fields = form.model_dump(exclude={"id", "created_at", "revision_id"})
        stored = Form.find_one(self.scoped({"_id": form.id, "version": was_version}))
        result = await stored.update({"$set": fields})
        return result.matched_count == 1


class VersionRepository(TenantRepository[FormVersion]):
    noun = "Form version"
    sortable = frozenset({"number"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FormVersion, account_id)

    async def keep(self, form_id: PydanticObjectId, number: int, steps: list[FormStep]) -> None:
        """The snapshot of a version, unless one is kept already (a version never changes)."""
        if await self.numbered(form_id, number) is None:
            # Kept meanwhile by another editor: the same steps.
            with suppress(DuplicateKeyError):
                await self.create(form_id=form_id, number=number, steps=steps)

    async def numbered(self, form_id: PydanticObjectId, number: int) -> FormVersion | None:
        return await self.find_one({"form_id": form_id, "number": number})

    async def of_form(self, form_id: PydanticObjectId, params: PageParams) -> Page[FormVersion]:
        return await self.paginate(params, {"form_id": form_id})
