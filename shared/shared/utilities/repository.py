"""The one place scoping filters are written: every query on owned data goes through here.

A repository is bound to its owner: `TenantRepository` to an account (every tenant document),
`OwnedRepository` to another owner field (a user's sessions, an agency's sub-accounts). `get`
answers `NotFound` for a missing document and for another owner's alike, so no route can leak
that an id exists elsewhere. A module's `repository.py` subclasses one of them and holds every
query the module makes, each a named method:

    class ContactRepository(TenantRepository[Contact]):
        sortable = frozenset({"created_at", "updated_at", "display_name"})

        async def by_email(self, email: str) -> Contact | None:
            return await self.model.find_one(self.scoped({"emails": email}))

Sorting accepts only the fields a repository lists in `sortable` (documented on its routes
with `shared.utilities.pagination.sorted_paging`).
"""

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Generic, TypeVar

from beanie import Document, PydanticObjectId
from bson.errors import InvalidId

from shared.models.base import TenantDocument
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams, Pagination

DocumentT = TypeVar("DocumentT", bound=Document)
TenantDocumentT = TypeVar("TenantDocumentT", bound=TenantDocument)

DEFAULT_SORTABLE = frozenset({"created_at", "updated_at"})


def object_id(value: str | PydanticObjectId | None) -> PydanticObjectId | None:
    """The ObjectId an id string stands for, or None when it cannot be one."""
    try:
        return PydanticObjectId(value)
    except (InvalidId, TypeError):
        return None


class OwnedRepository(Generic[DocumentT]):
    """Queries on `model` filtered on `owner_field == owner_id` (`"user_id"`, a user's id)."""

    # What a list may be sorted by; `-field` sorts descending.
    sortable: frozenset[str] = DEFAULT_SORTABLE
    # How the documents are named to users in errors ("Contact 665f... does not exist.").
    noun: ClassVar[str] = ""

    def __init__(
        self,
        model: type[DocumentT],
        owner_field: str,
        owner_id: str | PydanticObjectId,
        sortable: Iterable[str] | None = None,
    ) -> None:
        self.model = model
        self.owner_field = owner_field
        self.owner_id = PydanticObjectId(owner_id)
        if sortable is not None:
            self.sortable = frozenset(sortable)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), self.owner_field: self.owner_id}

    @property
    def name(self) -> str:
        return self.noun or self.model.__name__

    async def get(self, document_id: str | PydanticObjectId) -> DocumentT:
        found = await self.find_by_id(document_id)
        if found is None:
            raise NotFound(f"{self.name} {document_id} does not exist.")
        return found

    async def find_by_id(self, document_id: str | PydanticObjectId) -> DocumentT | None:
        oid = object_id(document_id)
        return await self.model.find_one(self.scoped({"_id": oid})) if oid else None

    async def find_one(self, filters: Mapping[str, Any]) -> DocumentT | None:
        return await self.model.find_one(self.scoped(filters))

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
        pagination = Pagination.of(params, len(items), total)
        return Page[self.model](data=items, pagination=pagination)

    async def delete(self, document_id: str | PydanticObjectId) -> None:
        document = await self.get(document_id)
        await document.delete()

    def check_sortable(self, sort: str) -> None:
        field = sort.removeprefix("-")
        if field not in self.sortable:
            allowed = ", ".join(sorted(self.sortable))
            raise InvalidInput(
                f"Cannot sort by {field}; sort by one of {allowed}.",
                details=[{"field": "sort", "message": f"one of {allowed}, `-` for descending"}],
                location="query",
            )


class TenantRepository(OwnedRepository[TenantDocumentT]):
    """An account's documents: owned by `account_id`. With `visibility`, only those matching
    it (a member limited to the records they own or follow): the others answer NotFound,
    exactly like another account's."""

    def __init__(
        self,
        model: type[TenantDocumentT],
        account_id: str | PydanticObjectId,
        sortable: Iterable[str] | None = None,
        *,
        visibility: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(model, "account_id", account_id, sortable)
        self.visibility = dict(visibility or {})

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        tenant = super().scoped(filters)
        return {"$and": [tenant, self.visibility]} if self.visibility else tenant

    @property
    def account_id(self) -> PydanticObjectId:
        return self.owner_id

    async def create(self, **fields: Any) -> TenantDocumentT:
        document = self.model(**fields, account_id=self.account_id)
        await document.insert()
        return document
