"""The tenant repository: every read and write scoped to one account."""

import pytest
from beanie import PydanticObjectId, init_beanie

from shared.models.base import TenantDocument
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import PageParams
from shared.utilities.repository import OwnedRepository, TenantRepository


class Widget(TenantDocument):
    name: str
    size: int = 0

    class Settings:
        name = "test_widgets"


class Widgets(TenantRepository[Widget]):
    sortable = frozenset({"created_at", "size"})

    def __init__(self, account_id: PydanticObjectId) -> None:
        super().__init__(Widget, account_id)


@pytest.fixture
async def widgets(mongo):
    await init_beanie(database=mongo, document_models=[Widget])
    return Widgets(PydanticObjectId())


@pytest.fixture
def other_tenant(widgets):
    return Widgets(PydanticObjectId())


async def test_create_stamps_the_account(widgets):
    widget = await widgets.create(name="gear")

    assert widget.account_id == widgets.account_id


async def test_get_returns_the_tenants_own_document(widgets):
    widget = await widgets.create(name="gear")

    assert (await widgets.get(str(widget.id))).name == "gear"


async def test_another_tenants_document_answers_not_found(widgets, other_tenant):
    theirs = await other_tenant.create(name="secret")

    with pytest.raises(NotFound):
        await widgets.get(theirs.id)


async def test_a_malformed_id_answers_not_found(widgets):
    with pytest.raises(NotFound):
        await widgets.get("not-an-object-id")


async def test_count_and_list_see_only_the_tenants_documents(widgets, other_tenant):
    await widgets.create(name="a")
    await other_tenant.create(name="b")

    assert await widgets.count() == 1
    assert [widget.name for widget in await widgets.list()] == ["a"]


async def test_list_sorts_by_the_requested_field(widgets):
    for size in (2, 3, 1):
        await widgets.create(name=f"w{size}", size=size)

    ascending = await widgets.list(sort="size")
    descending = await widgets.list(sort="-size")

    assert [widget.size for widget in ascending] == [1, 2, 3]
    assert [widget.size for widget in descending] == [3, 2, 1]


@pytest.mark.parametrize("field", ["password", "name", "-name"])
async def test_sorting_by_a_field_the_repository_does_not_list_is_refused(widgets, field):
    with pytest.raises(InvalidInput) as refused:
        await widgets.list(sort=field)

    assert refused.value.location == "query"
    assert refused.value.details[0]["field"] == "sort"


async def test_an_owned_repository_scopes_on_its_owner_field(mongo):
    await init_beanie(database=mongo, document_models=[Widget])
    owner, stranger = PydanticObjectId(), PydanticObjectId()
    await Widget(account_id=owner, name="mine").insert()
    theirs = await Widget(account_id=stranger, name="theirs").insert()
    mine = OwnedRepository(Widget, "account_id", owner)

    assert [widget.name for widget in await mine.list()] == ["mine"]
    assert mine.owner_field == "account_id" and mine.owner_id == owner
    with pytest.raises(NotFound):
        await mine.get(theirs.id)


async def test_paginate_reports_total_and_next_page(widgets):
    for size in range(5):
        await widgets.create(name=f"w{size}", size=size)

    first = await widgets.paginate(PageParams(page=1, limit=2, sort="size"))
    last = await widgets.paginate(PageParams(page=3, limit=2, sort="size"))

    assert [widget.size for widget in first.data] == [0, 1]
    assert first.pagination.model_dump() == {"page": 1, "limit": 2, "total": 5, "next_page": 2}
    assert [widget.size for widget in last.data] == [4]
    assert last.pagination.next_page is None


async def test_a_filter_cannot_widen_the_scope_to_another_account(widgets, other_tenant):
    await other_tenant.create(name="secret")

    found = await widgets.list({"account_id": other_tenant.account_id})

    assert found == []


async def test_delete_removes_only_the_tenants_document(widgets, other_tenant):
    theirs = await other_tenant.create(name="secret")
    mine = await widgets.create(name="mine")

    await widgets.delete(mine.id)
    with pytest.raises(NotFound):
        await widgets.delete(theirs.id)

    assert await widgets.count() == 0
    assert await other_tenant.count() == 1
