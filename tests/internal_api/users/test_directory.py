"""AccountUsers and list_users: an account's users as shared.domain.accounts.users defines
them, searched, filtered by role, sorted and paged."""

from internal_api.users.repository import AccountUsers
from internal_api.users.service import list_users
from shared.models.membership import Role
from shared.utilities.pagination import PageParams
from tests.factories import (
    create_account,
    create_membership,
    create_signed_in,
    create_sub_account,
    create_user,
)


def by_name(page) -> dict[str, tuple[str, bool]]:
    return {listed.name: (listed.role, listed.via_agency) for listed in page.data}


async def test_a_sub_accounts_users_are_its_members_and_the_agencys_owners_and_admins(mongo):
    agency = await create_account()
    client = await create_sub_account(agency)
    await create_membership(agency, await create_user(name="Olive"), Role.OWNER)
    await create_membership(agency, await create_user(name="Adam"), Role.ADMIN)
    await create_membership(agency, await create_user(name="Max"), Role.MEMBER)
    caller = await create_signed_in(account=client, role=Role.CLIENT, name="Cleo")

    page = await list_users(caller.state.principal(), PageParams(sort="name"), None, None)

    assert by_name(page) == {
        "Adam": (Role.ADMIN, True),
        "Cleo": (Role.CLIENT, False),
        "Olive": (Role.ADMIN, True),
    }


async def test_an_agency_admin_with_a_membership_of_the_sub_account_is_listed_once_as_it(mongo):
    agency = await create_account()
    client = await create_sub_account(agency)
    both = await create_user(name="Bea")
    await create_membership(agency, both, Role.ADMIN)
    await create_membership(client, both, Role.CLIENT)

    page = await AccountUsers(client).paginate(PageParams(sort="name"))

    assert by_name(page) == {"Bea": (Role.CLIENT, False)}
    assert page.pagination.total == 1


async def test_members_only_leaves_the_agencys_owners_and_admins_out(mongo):
    agency = await create_account()
    client = await create_sub_account(agency)
    await create_membership(agency, await create_user(name="Olive"), Role.OWNER)
    await create_membership(client, await create_user(name="Cleo"), Role.CLIENT)

    page = await AccountUsers(client, members_only=True).paginate(PageParams(sort="name"))

    assert by_name(page) == {"Cleo": (Role.CLIENT, False)}


async def test_an_agencys_users_are_its_members_alone(mongo):
    agency = await create_account()
    await create_membership(agency, await create_user(name="Olive"), Role.OWNER)
    client = await create_sub_account(agency)
    await create_membership(client, await create_user(name="Cleo"), Role.CLIENT)
    await create_membership(await create_account(), await create_user(name="Stranger"))

    page = await AccountUsers(agency).paginate(PageParams(sort="name"))

    assert by_name(page) == {"Olive": (Role.OWNER, False)}


async def test_search_matches_part_of_a_name_in_any_case(mongo):
    account = await create_account()
    await create_membership(account, await create_user(name="Grace Hopper"))
    await create_membership(account, await create_user(name="Ada Lovelace"))

    page = await AccountUsers(account).paginate(PageParams(sort="name"), search="HOP")

    assert [listed.name for listed in page.data] == ["Grace Hopper"]


async def test_search_matches_part_of_an_email(mongo):
    account = await create_account()
    await create_membership(account, await create_user(name="Ada", email="ada@lovelace.org"))
    await create_membership(account, await create_user(name="Grace", email="grace@navy.mil"))

    page = await AccountUsers(account).paginate(PageParams(sort="name"), search="lovelace.o")

    assert [listed.name for listed in page.data] == ["Ada"]


async def test_search_takes_regex_characters_literally(mongo):
    account = await create_account()
    await create_membership(account, await create_user(name="abc"))
    await create_membership(account, await create_user(name="a.c"))

    page = await AccountUsers(account).paginate(PageParams(sort="name"), search="a.c")

    assert [listed.name for listed in page.data] == ["a.c"]
    assert page.pagination.total == 1


async def test_the_role_filter_counts_the_agencys_owners_as_the_admins_they_act_as(mongo):
    agency = await create_account()
    client = await create_sub_account(agency)
    await create_membership(agency, await create_user(name="Olive"), Role.OWNER)
    await create_membership(client, await create_user(name="Ann"), Role.ADMIN)
    await create_membership(client, await create_user(name="Cleo"), Role.CLIENT)

    page = await AccountUsers(client).paginate(PageParams(sort="name"), role=Role.ADMIN)

    assert by_name(page) == {"Ann": (Role.ADMIN, False), "Olive": (Role.ADMIN, True)}


async def test_names_sort_in_any_case_and_either_direction(mongo):
    account = await create_account()
    for name in ("bob", "Alice", "Carol"):
        await create_membership(account, await create_user(name=name))

    ascending = await AccountUsers(account).paginate(PageParams(sort="name"))
    descending = await AccountUsers(account).paginate(PageParams(sort="-name"))

    assert [listed.name for listed in ascending.data] == ["Alice", "bob", "Carol"]
    assert [listed.name for listed in descending.data] == ["Carol", "bob", "Alice"]


async def test_the_newest_members_come_first_by_joined_at_descending(mongo):
    account = await create_account()
    for name in ("First", "Second", "Third"):
        await create_membership(account, await create_user(name=name))

    page = await AccountUsers(account).paginate(PageParams(sort="-joined_at"))

    assert [listed.name for listed in page.data] == ["Third", "Second", "First"]


async def test_a_page_holds_its_share_and_says_what_follows(mongo):
    account = await create_account()
    for name in ("A", "B", "C", "D", "E"):
        await create_membership(account, await create_user(name=name))

    second = await AccountUsers(account).paginate(PageParams(page=2, limit=2, sort="name"))
    last = await AccountUsers(account).paginate(PageParams(page=3, limit=2, sort="name"))

    assert [listed.name for listed in second.data] == ["C", "D"]
    assert (second.pagination.total, second.pagination.next_page) == (5, 3)
    assert ([listed.name for listed in last.data], last.pagination.next_page) == (["E"], None)


async def test_a_user_deleted_since_is_left_out(mongo):
    account = await create_account()
    gone = await create_user(name="Gone")
    await create_membership(account, gone)
    await create_membership(account, await create_user(name="Here"))
    await gone.delete()

    page = await AccountUsers(account).paginate(PageParams(sort="name"))

    assert [listed.name for listed in page.data] == ["Here"]
    assert page.pagination.total == 1
