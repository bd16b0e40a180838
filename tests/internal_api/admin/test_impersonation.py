"""An operator views the platform as a user, read-only: a session of the user marked as the
operator's, whose token says so (the dashboard's banner); each one is in the audit log."""

from datetime import timedelta

from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.models.session import Session
from shared.utilities import sessions
from tests.factories import create_signed_in, create_sub_account, headers_now
from tests.internal_api.admin.conftest import create_operator

REASON = "Ticket 981: the user cannot see their pipeline"


async def impersonate(api, operator, user, **body):
    return await api.post(
        "/v1/admin/impersonations",
        json={"user_id": str(user.id), "reason": REASON, **body},
        headers=operator.headers,
    )


async def test_an_operator_gets_a_session_of_the_user_marked_as_theirs(api, operator):
    member = await create_signed_in(role=Role.MEMBER)

    response = await impersonate(api, operator, member.user)

    assert response.status_code == 201
    body = response.json()
    assert (body["user_id"], body["account_id"]) == (str(member.user.id), str(member.account.id))
    record = await Session.find_one({"token_hash": sessions.hash_session_id(body["session_id"])})
    assert (record.user_id, record.impersonated_by) == (member.user.id, operator.user.id)
    assert record.expires_at <= utc_now() + timedelta(minutes=30)


async def test_the_sessions_token_carries_the_banner_claim_and_no_operator_power(api, operator):
    member = await create_signed_in(role=Role.MEMBER)
    session_id = (await impersonate(api, operator, member.user)).json()["session_id"]
    state = await sessions.recorded_state(sessions.hash_session_id(session_id), timedelta(days=1))

    assert (state.impersonated_by, state.operator) == (str(operator.user.id), False)
    assert state.principal().impersonated_by == str(operator.user.id)


async def test_the_dashboard_reads_who_is_viewing_from_users_me(api, operator):
    member = await create_signed_in(role=Role.MEMBER)
    session_id = (await impersonate(api, operator, member.user)).json()["session_id"]

    me = await api.get("/v1/users/me", headers=await headers_now(session_id))

    assert me.json()["user"]["id"] == str(member.user.id)
    assert me.json()["impersonated_by"] == {
        "id": str(operator.user.id),
        "name": operator.user.name,
    }
    assert me.json()["operator"] is False


async def test_an_impersonation_is_in_the_audit_log(api, operator):
    member = await create_signed_in()

    await impersonate(api, operator, member.user)

    entry = await AdminAuditEntry.find_one()
    assert (entry.action, entry.target_id, entry.account_id, entry.reason) == (
        AdminAction.USER_IMPERSONATED,
        str(member.user.id),
        member.account.id,
        REASON,
    )


async def test_the_user_sees_the_view_among_their_sessions(api, operator):
    member = await create_signed_in()
    await impersonate(api, operator, member.user)

    listed = await api.get("/v1/auth/sessions", headers=member.headers)

    views = [s for s in listed.json()["data"] if s["impersonated_by"]]
    assert [view["impersonated_by"] for view in views] == [str(operator.user.id)]


async def test_a_sub_account_the_user_acts_in_may_be_asked_for(api, operator):
    agency_owner = await create_signed_in()
    client = await create_sub_account(agency_owner.account)

    response = await impersonate(api, operator, agency_owner.user, account_id=str(client.id))

    assert response.json()["account_id"] == str(client.id)


async def test_an_account_the_user_does_not_act_in_answers_404_and_starts_nothing(api, operator):
    member = await create_signed_in()
    stranger = await create_signed_in()

    response = await impersonate(api, operator, member.user, account_id=str(stranger.account.id))

    assert response.status_code == 404
    assert await Session.find({"impersonated_by": operator.user.id}).count() == 0
    assert await AdminAuditEntry.find_all().count() == 0


async def test_another_operator_cannot_be_impersonated(api, operator):
    other = await create_operator()

    response = await impersonate(api, operator, other.user)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "operator_not_impersonated"
    assert await Session.find({"impersonated_by": operator.user.id}).count() == 0
    assert await AdminAuditEntry.find_all().count() == 0


async def test_an_impersonation_without_a_reason_is_refused(api, operator):
    member = await create_signed_in()

    response = await api.post(
        "/v1/admin/impersonations", json={"user_id": str(member.user.id)}, headers=operator.headers
    )

    assert response.status_code == 422
    assert await Session.find({"impersonated_by": operator.user.id}).count() == 0
