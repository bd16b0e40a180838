"""acting_accounts: the accounts a user may switch to, with their role in each."""

from internal_api.users.service import acting_accounts
from shared.models.account import Branding
from shared.models.membership import Role
from shared.utilities.pagination import PageParams
from tests.factories import create_account, create_membership, create_signed_in, create_sub_account


def by_name(page) -> dict[str, Role]:
    return {listed.name: listed.role for listed in page.data}


async def test_an_agency_owner_may_act_in_each_sub_account_as_an_admin(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    await create_sub_account(owner.account, name="Bakery")
    await create_sub_account(owner.account, name="Cafe")

    page = await acting_accounts(owner.state.principal(), PageParams(sort="name"))

    assert by_name(page) == {"Agency": Role.OWNER, "Bakery": Role.ADMIN, "Cafe": Role.ADMIN}


async def test_an_agency_member_acts_in_no_sub_account_of_it(mongo):
    member = await create_signed_in(account=await create_account(name="Agency"), role=Role.MEMBER)
    await create_sub_account(member.account, name="Bakery")

    page = await acting_accounts(member.state.principal(), PageParams(sort="name"))

    assert by_name(page) == {"Agency": Role.MEMBER}


async def test_an_own_membership_of_a_sub_account_wins_over_the_agency_role(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    bakery = await create_sub_account(owner.account, name="Bakery")
    await create_membership(bakery, owner.user, Role.CLIENT)

    page = await acting_accounts(owner.state.principal(), PageParams(sort="name"))

    assert by_name(page) == {"Agency": Role.OWNER, "Bakery": Role.CLIENT}


async def test_each_account_says_its_kind_parent_and_logo(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    logo = "https://cdn.example.com/bakery.png"
    await create_sub_account(owner.account, name="Bakery", branding=Branding(logo_url=logo))

    page = await acting_accounts(owner.state.principal(), PageParams(sort="name"))

    agency, bakery = page.data
    assert (agency.kind, agency.parent_id, agency.logo_url) == ("agency", None, None)
    assert (bakery.kind, bakery.parent_id, bakery.logo_url) == (
        "sub_account",
        owner.account.id,
        logo,
    )


async def test_only_the_account_the_session_acts_in_is_active(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    bakery = await create_sub_account(owner.account, name="Bakery")
    in_bakery = owner.state.principal().model_copy(update={"account_id": str(bakery.id)})

    page = await acting_accounts(in_bakery, PageParams(sort="name"))

    assert {listed.name: listed.active for listed in page.data} == {
        "Agency": False,
        "Bakery": True,
    }


async def test_other_agencies_and_their_sub_accounts_are_left_out(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    stranger = await create_signed_in(account=await create_account(name="Rival"))
    await create_sub_account(stranger.account, name="Rival's client")

    page = await acting_accounts(owner.state.principal(), PageParams(sort="name"))

    assert by_name(page) == {"Agency": Role.OWNER}


async def test_an_agency_with_many_sub_accounts_is_listed_page_by_page(mongo):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    for number in range(5):
        await create_sub_account(owner.account, name=f"Client {number}")

    page = await acting_accounts(owner.state.principal(), PageParams(page=2, limit=2, sort="name"))

    assert [listed.name for listed in page.data] == ["Client 1", "Client 2"]
    assert (page.pagination.total, page.pagination.next_page) == (6, 3)
