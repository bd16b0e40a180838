"""/v1/accounts/members: who is in the active account, their roles, and removing them."""

from datetime import timedelta

from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import create_signed_in

IDLE = timedelta(days=1)
# The seal internal_api and the router share (embedded mode's development secret).
SEAL = sessions.seal_for(ServiceSettings())


async def change_role(api, signed_in, user_id, role: str):
    return await api.patch(
        f"/v1/accounts/members/{user_id}", json={"role": role}, headers=signed_in.headers
    )


async def test_the_list_holds_each_member_with_their_role(api):
    owner = await create_signed_in(name="Olive")
    await create_signed_in(account=owner.account, role=Role.MEMBER, name="Max")

    response = await api.get("/v1/accounts/members", headers=owner.headers)

    assert response.status_code == 200
    members = {member["name"]: member["role"] for member in response.json()["data"]}
    assert members == {"Olive": "owner", "Max": "member"}
    assert response.json()["pagination"]["total"] == 2


async def test_the_list_leaves_out_other_accounts_members(api):
    owner = await create_signed_in()
    await create_signed_in()

    response = await api.get("/v1/accounts/members", headers=owner.headers)

    assert [member["user_id"] for member in response.json()["data"]] == [str(owner.user.id)]


async def test_an_owner_changes_a_members_role_and_scopes(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)

    response = await change_role(api, owner, member.user.id, "admin")

    assert response.status_code == 200
    assert response.json()["role"] == "admin"
    stored = await Membership.get(member.membership.id)
    assert (stored.role, stored.scopes) == (Role.ADMIN, ROLE_SCOPES[Role.ADMIN])


async def test_a_role_change_reaches_the_members_sessions_at_once(api, redis):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.ADMIN)
    assert (await sessions.lookup(redis, member.session_id, IDLE, SEAL)).role is Role.ADMIN

    await change_role(api, owner, member.user.id, "member")

    assert (await sessions.lookup(redis, member.session_id, IDLE, SEAL)).role is Role.MEMBER


async def test_a_role_change_keeps_a_session_used_recently_through_redis_alive(api, redis):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.ADMIN)
    assert await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    # Used through Redis ever since: MongoDB's last_seen_at is older than the idle time.
    await member.record.set({"last_seen_at": member.record.last_seen_at - 2 * IDLE})

    await change_role(api, owner, member.user.id, "member")

    assert await sessions.lookup(redis, member.session_id, IDLE, SEAL)


async def test_demoting_the_last_owner_answers_409(api):
    owner = await create_signed_in()

    response = await change_role(api, owner, owner.user.id, "admin")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "last_owner"
    assert (await Membership.get(owner.membership.id)).role is Role.OWNER


async def test_an_owner_may_step_down_when_another_owner_remains(api):
    owner = await create_signed_in()
    await create_signed_in(account=owner.account, role=Role.OWNER)

    response = await change_role(api, owner, owner.user.id, "admin")

    assert response.status_code == 200
    assert (await Membership.get(owner.membership.id)).role is Role.ADMIN


async def test_an_admin_cannot_make_an_owner(api):
    admin = await create_signed_in(role=Role.ADMIN)
    member = await create_signed_in(account=admin.account, role=Role.MEMBER)

    response = await change_role(api, admin, member.user.id, "owner")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "owner_role_reserved"
    assert (await Membership.get(member.membership.id)).role is Role.MEMBER


async def test_a_member_cannot_change_roles(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await change_role(api, member, member.user.id, "admin")

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "users:write"}]


async def test_changing_another_accounts_member_answers_404(api):
    owner = await create_signed_in()
    stranger = await create_signed_in(role=Role.MEMBER)

    response = await change_role(api, owner, stranger.user.id, "admin")

    assert response.status_code == 404
    assert (await Membership.get(stranger.membership.id)).role is Role.MEMBER


async def test_an_unknown_role_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await change_role(api, owner, owner.user.id, "emperor")

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.role"]


async def test_removing_a_member_refuses_their_session_at_once(api, redis):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)
    assert await sessions.lookup(redis, member.session_id, IDLE, SEAL)

    response = await api.delete(f"/v1/accounts/members/{member.user.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await Membership.get(member.membership.id) is None
    assert await sessions.lookup(redis, member.session_id, IDLE, SEAL) is None


async def test_removing_the_last_owner_answers_409(api):
    owner = await create_signed_in()

    response = await api.delete(f"/v1/accounts/members/{owner.user.id}", headers=owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "last_owner"
    assert await Membership.get(owner.membership.id)


async def test_removing_another_accounts_member_answers_404(api):
    owner = await create_signed_in()
    stranger = await create_signed_in(role=Role.MEMBER)

    response = await api.delete(f"/v1/accounts/members/{stranger.user.id}", headers=owner.headers)

    assert response.status_code == 404
    assert await Membership.get(stranger.membership.id)
