"""Signup codes at the service: their shape, how they may be typed, making, listing and
revoking them."""

import re

import pytest

from internal_api.accounts.errors import NotAnAgency
from internal_api.signup_codes.schemas import SignupCodeCreate
from internal_api.signup_codes.service import (
    code_hash,
    create_code,
    list_codes,
    new_code,
    revoke_code,
)
from shared.models.account_signup_code import AccountSignupCode
from shared.models.membership import Role
from shared.utilities.errors import NotFound
from shared.utilities.pagination import PageParams
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.signup_codes.factories import create_signup_code


def test_a_code_is_sixteen_unambiguous_characters_in_groups_of_four():
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}", new_code())


def test_codes_are_not_repeated():
    assert len({new_code() for _ in range(1000)}) == 1000


def test_a_code_typed_in_lower_case_without_dashes_is_the_same_code():
    assert code_hash("7k3m 9qxa-v2dp4hrt") == code_hash("7K3M-9QXA-V2DP-4HRT")


def test_o_reads_as_zero_and_i_and_l_as_one():
    assert code_hash("OIL0-0000-0000-0000") == code_hash("0110-0000-0000-0000")


async def test_a_code_is_stored_hashed_and_shown_once(mongo):
    owner = await create_signed_in()

    created = await create_code(owner.state.principal(), SignupCodeCreate())

    stored = await AccountSignupCode.get(created.id)
    assert stored.code_hash == code_hash(created.code)
    assert created.code not in stored.model_dump_json()
    assert stored.hint == created.code[-4:]


async def test_a_code_makes_owners_by_default_and_keeps_what_was_asked(mongo):
    owner = await create_signed_in()
    asked = SignupCodeCreate(role=Role.CLIENT, max_uses=3, sub_account_name="{name} (Acme)")

    default = await create_code(owner.state.principal(), SignupCodeCreate())
    created = await create_code(owner.state.principal(), asked)

    assert (default.role, default.max_uses, default.expires_at) == (Role.OWNER, None, None)
    stored = await AccountSignupCode.get(created.id)
    assert (stored.role, stored.max_uses, stored.uses) == (Role.CLIENT, 3, 0)
    assert (stored.sub_account_name, stored.account_id) == ("{name} (Acme)", owner.account.id)
    assert stored.created_by == owner.user.id


async def test_a_sub_account_makes_no_codes(mongo):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    in_client = owner.state.principal().model_copy(update={"account_id": str(client.id)})

    with pytest.raises(NotAnAgency):
        await create_code(in_client, SignupCodeCreate())

    assert await AccountSignupCode.find_all().count() == 0


async def test_the_list_holds_the_agencys_codes_alone(mongo):
    owner = await create_signed_in()
    mine, _ = await create_signup_code(owner.account)
    await create_signup_code((await create_signed_in()).account)

    page = await list_codes(owner.state.principal(), PageParams())

    assert [code.id for code in page.data] == [mine.id]


async def test_a_revoked_code_stays_listed_with_its_revocation(mongo):
    owner = await create_signed_in()
    code, _ = await create_signup_code(owner.account, uses=2)

    await revoke_code(owner.state.principal(), str(code.id))

    [listed] = (await list_codes(owner.state.principal(), PageParams())).data
    assert listed.revoked_at is not None
    assert listed.uses == 2


async def test_revoking_another_agencys_code_answers_not_found_and_changes_nothing(mongo):
    owner = await create_signed_in()
    theirs, _ = await create_signup_code((await create_signed_in()).account)

    with pytest.raises(NotFound):
        await revoke_code(owner.state.principal(), str(theirs.id))

    assert (await AccountSignupCode.get(theirs.id)).revoked_at is None
