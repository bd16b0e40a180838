"""The one place tenant filters are written: every query on tenant data goes through here.

A repository is bound to an account; `get` answers `NotFound` for a missing document and for
another account's alike, so no route can leak that an id exists elsewhere.
"""

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from beanie import PydanticObjectId
from bson.errors import InvalidId

from shared.models.base import TenantDocument
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams, Pagination

DocumentT = TypeVar("DocumentT", bound=TenantDocument)


def object_id(value: str | PydanticObjectId) -> PydanticObjectId | None:
    """The ObjectId an id string stands for, or None when it cannot be one."""
    try:
        return PydanticObjectId(value)
    except (InvalidId, TypeError):
        return None


class TenantRepository(Generic[DocumentT]):
    def __init__(self, model: type[DocumentT], account_id: str | PydanticObjectId) -> None:
        self.model = model
        self.account_id = PydanticObjectId(account_id)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), "account_id": self.account_id}

    async def get(self, document_id: str | PydanticObjectId) -> DocumentT:
        oid = object_id(document_id)
        found = await self.model.find_one(self.scoped({"_id": oid})) if oid else None
        if found is None:
            raise NotFound(f"{self.model.__name__} {document_id} does not exist.")
        return found

    async def create(self, **fields: Any) -> DocumentT:
        document = self.model(**fields, account_id=self.account_id)
        await document.insert()
        return document

    async def count(self, filters: Mapping[str, Any] | None = None) -> int:
        return await self.model.find(self.scoped(filters)).count()

    async def list(
        self,
        filters: Mapping[str, Any] | None = None,
        *,
        skip: int = 0,
        limit: int = 25,
        sort: str = "-created_at",
    ) -> list[DocumentT]:
        self.check_sortable(sort)
        # Ties (the same millisecond) are broken by id, in the same direction.
        tie = "-_id" if sort.startswith("-") else "+_id"
        query = self.model.find(self.scoped(filters)).sort(sort, tie).skip(skip).limit(limit)
        return await query.to_list()

    async def paginate(
        self, params: PageParams, filters: Mapping[str, Any] | None = None
    ) -> Page[DocumentT]:
        items = await self.list(filters, skip=params.skip, limit=params.limit, sort=params.sort)
        total = await self.count(filters)
        has_more = params.skip + len(items) < total
        pagination = Pagination(
            page=params.page,
            limit=params.limit,
            total=total,
            next_page=params.page + 1 if has_more else None,
        )
        return Page[self.model](data=items, pagination=pagination)  # type: ignore[name-defined]

    async def delete(self, document_id: str | PydanticObjectId) -> None:
        document = await self.get(document_id)
        await document.delete()

    def check_sortable(self, sort: str) -> None:
        field = sort.lstrip("-").split(".")[0]
        if field not in self.model.model_fields and field != "id":
            raise InvalidInput(
                f"Cannot sort by {field}.",
                details=[{"field": "sort", "message": f"unknown field {field}"}],
            )
