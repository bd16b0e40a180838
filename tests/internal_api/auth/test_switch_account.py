"""POST /v1/auth/switch-account: only to an account the caller may act in."""

from datetime import timedelta

import pytest

from shared.models.account import AccountStatus
from shared.models.membership import Role
from shared.models.session import Session
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_membership, create_signed_in, create_sub_account

IDLE = timedelta(days=1)
# The seal internal_api and the router share (embedded mode's development secret).
SEAL = sessions.seal_for(ServiceSettings())


async def switch(api, signed_in, account_id: str):
    return await api.post(
        "/v1/auth/switch-account", json={"account_id": account_id}, headers=signed_in.headers
    )


async def test_switching_to_another_account_of_the_user_answers_it_with_the_role_there(api):
    owner = await create_signed_in()
    other = await create_account(name="Second agency")
    await create_membership(other, owner.user, Role.MEMBER)

    response = await switch(api, owner, str(other.id))

    assert response.status_code == 200
    body = response.json()
    assert body["account"]["id"] == str(other.id)
    assert body["role"] == "member"
    assert "users:write" not in body["scopes"]


async def test_switching_moves_the_session_and_its_cached_state(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    await switch(api, owner, str(client.id))

    assert (await Session.get(owner.record.id)).account_id == client.id
    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)
    assert (state.account_id, state.agency_id) == (str(client.id), str(owner.account.id))


async def test_an_agency_admin_acts_as_admin_in_a_sub_account(api):
    admin = await create_signed_in(role=Role.ADMIN)
    client = await create_sub_account(admin.account)

    response = await switch(api, admin, str(client.id))

    assert response.status_code == 200
    assert response.json()["role"] == "admin"


async def test_an_agency_member_cannot_switch_to_its_sub_accounts(api):
    member = await create_signed_in(role=Role.MEMBER)
    client = await create_sub_account(member.account)

    response = await switch(api, member, str(client.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_switching_to_a_foreign_account_answers_404_and_leaves_the_session(api):
    owner = await create_signed_in()
    foreign = await create_account(name="Someone else's agency")

    response = await switch(api, owner, str(foreign.id))

    assert response.status_code == 404
    assert (await Session.get(owner.record.id)).account_id == owner.account.id


async def test_switching_to_another_agencys_sub_account_answers_404(api):
    owner = await create_signed_in()
    foreign_client = await create_sub_account(await create_account())

    response = await switch(api, owner, str(foreign_client.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_switching_to_a_malformed_account_id_answers_404(api):
    owner = await create_signed_in()

    response = await switch(api, owner, "not-an-id")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_switching_without_a_token_answers_401(api):
    response = await api.post("/v1/auth/switch-account", json={"account_id": "x"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_a_token_outliving_its_logged_out_session_cannot_switch_account(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    await api.post("/v1/auth/logout", headers=owner.headers)

    response = await switch(api, owner, str(client.id))

    assert response.status_code == 401
    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


@pytest.mark.parametrize(
    ("status", "code"),
    [(AccountStatus.SUSPENDED, "account_suspended"), (AccountStatus.DELETED, "account_deleted")],
)
async def test_switching_to_a_closed_sub_account_is_refused_and_the_session_stays(
    api, status, code
):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account, status=status)

    response = await switch(api, owner, str(client.id))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == code
    assert (await Session.get(owner.record.id)).account_id == owner.account.id
