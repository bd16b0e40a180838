"""Every query of the library. What an account sees: the platform's templates, its agency's and
its own (`visible`); what it may change: its own only (`OwnTemplates`, another's answers 404).
The platform's are seeded by their `key`."""

import re
from typing import Any

from beanie import PydanticObjectId

from internal_api.templates.errors import TemplateNotFound
from shared.domain.templates.repository import library_owners
from shared.models.template import Template
from shared.utilities.pagination import Page, PageParams, Pagination
from shared.utilities.repository import OwnedRepository, object_id


class OwnTemplates(OwnedRepository[Template]):
    noun = "Template"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Template, "account_id", account_id)


class TemplateLibrary:
    """The templates offered to one account: the platform's, its agency's and its own."""

    sortable = OwnTemplates.sortable

    def __init__(self, account_id: str, agency_id: str) -> None:
        self.owners = library_owners(account_id, agency_id)
        self.own = OwnTemplates(account_id)

    def visible(self, filters: dict[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), "account_id": {"$in": self.owners}}

    async def get(self, template_id: str) -> Template:
        oid = object_id(template_id)
        found = await Template.find_one(self.visible({"_id": oid})) if oid else None
        if found is None:
            raise TemplateNotFound(f"Template {template_id} does not exist.")
        return found

    async def search(self, params: PageParams, filters: dict[str, Any]) -> Page[Template]:
        self.own.check_sortable(params.sort)
        query = Template.find(self.visible(filters))
        tie = "-_id" if params.sort.startswith("-") else "+_id"
        items = await query.sort(params.sort, tie).skip(params.skip).limit(params.limit).to_list()
        total = await Template.find(self.visible(filters)).count()
        return Page[Template](data=items, pagination=Pagination.of(params, len(items), total))

    async def categories(self, kind: str | None) -> list[str]:
        filters = {"kind": kind} if kind else {}
        return sorted(await Template.distinct("category", self.visible(filters)))


def words_filter(words: str) -> dict[str, Any]:
    """Templates whose name, description or a tag holds the words (case aside)."""
    pattern = {"$regex": re.escape(words.strip()), "$options": "i"}
    return {"$or": [{"name": pattern}, {"description": pattern}, {"tags": pattern}]}


async def platform_template(key: str) -> Template | None:
    return await Template.find_one({"key": key, "account_id": None})
