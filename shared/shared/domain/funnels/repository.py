"""Every query on funnels, their pages and versions, on the tenant-scoped base (another
account's funnel answers 404 like a missing one), and the few the public pages make across
accounts (a visitor has no account: a page is found by its funnel's id or its domain)."""

from collections.abc import Iterable
from typing import Any

from beanie import PydanticObjectId

from shared.domain.funnels.errors import FunnelNotFound, PageNotFound
from shared.models.form import Form, FormVersion
from shared.models.funnel import Funnel, FunnelStatus
from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.repository import TenantRepository, object_id

COUNTERS = ("views", "submissions", "purchases")


class FunnelRepository(TenantRepository[Funnel]):
    noun = "Funnel"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Funnel, account_id)

    async def ready(self, funnel_id: str | PydanticObjectId) -> Funnel:
        """A funnel the account may work on: one still being copied answers 404 too."""
        funnel = await self.find_one({"_id": object_id(funnel_id), "status": FunnelStatus.READY})
        if funnel is None:
            raise FunnelNotFound(f"Funnel {funnel_id} does not exist.")
        return funnel


class PageRepository(TenantRepository[FunnelPage]):
    noun = "Page"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FunnelPage, account_id)

    async def of_funnel(self, funnel_id: PydanticObjectId) -> list[FunnelPage]:
        return await self.model.find(self.scoped({"funnel_id": funnel_id})).to_list()

    async def embedding(self, form_id: PydanticObjectId) -> list[FunnelPage]:
        """The published pages whose version embeds the form."""
        return await self.model.find(self.scoped({"form_ids": form_id})).to_list()

    async def add_to(self, page_id: PydanticObjectId, counter: str, by: int = 1) -> None:
        """One more view, submission or purchase, atomically (visitors count at once)."""
        if counter not in COUNTERS:
            raise ValueError(f"not a counter: {counter}")
        await self.model.find_one(self.scoped({"_id": page_id})).inc({counter: by})

    async def delete_of_funnel(self, funnel_id: PydanticObjectId) -> None:
        await self.model.find(self.scoped({"funnel_id": funnel_id})).delete()


class VersionRepository(TenantRepository[FunnelPageVersion]):
    noun = "Version"
    sortable = frozenset({"number", "created_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FunnelPageVersion, account_id)

    async def numbered(self, page_id: PydanticObjectId, number: int) -> FunnelPageVersion | None:
        return await self.find_one({"page_id": page_id, "number": number})

    async def delete_of_funnel(self, funnel_id: PydanticObjectId) -> None:
        await self.model.find(self.scoped({"funnel_id": funnel_id})).delete()

    async def delete_of_page(self, page_id: PydanticObjectId) -> None:
        await self.model.find(self.scoped({"page_id": page_id})).delete()

    async def set_thumbnail(self, version_id: PydanticObjectId, key: str) -> None:
        """The one change a version takes, once."""
        found = self.model.find_one(self.scoped({"_id": version_id, "thumbnail_key": None}))
        await found.set({"thumbnail_key": key})


class CloneRepository(TenantRepository[FunnelClone]):
    noun = "Clone"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FunnelClone, account_id)


class FormCopies(TenantRepository[Form]):
    """The forms a clone copies into its target account, and their first versions."""

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Form, account_id)

    async def among(self, form_ids: Iterable[PydanticObjectId]) -> list[Form]:
        return await self.model.find(self.scoped({"_id": {"$in": list(form_ids)}})).to_list()

    async def insert_copy(self, fields: dict[str, Any]) -> Form:
        form = await Form(**fields, account_id=self.account_id).insert()
        version = FormVersion(
            account_id=self.account_id, form_id=form.id, number=form.version, steps=form.steps
        )
        await version.insert()
        return form

    async def delete_copies(self, form_ids: Iterable[PydanticObjectId]) -> None:
        ids = list(form_ids)
        await FormVersion.find(self.scoped({"form_id": {"$in": ids}})).delete()
        await self.model.find(self.scoped({"_id": {"$in": ids}})).delete()


async def public_funnel(funnel_id: str) -> Funnel:
    """A ready funnel, whoever's, for its public pages."""
    oid = object_id(funnel_id)
    funnel = await Funnel.find_one({"_id": oid, "status": FunnelStatus.READY}) if oid else None
    if funnel is None:
        raise PageNotFound()
    return funnel


async def published_version(page_id: PydanticObjectId, account_id: PydanticObjectId):
    """The page and its published version; PageNotFound while it has none."""
    page = await PageRepository(account_id).find_by_id(page_id)
    if page is None or page.published_version_id is None:
        raise PageNotFound()
    version = await VersionRepository(account_id).find_by_id(page.published_version_id)
    if version is None:
        raise PageNotFound()
    return page, version
