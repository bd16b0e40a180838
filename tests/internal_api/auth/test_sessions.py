"""Logout, the caller's sessions, and revoking one of them."""

from datetime import UTC, datetime, timedelta

from shared.models.session import Session
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import create_session, create_signed_in

IDLE = timedelta(days=1)
# The seal internal_api and the router share (embedded mode's development secret).
SEAL = sessions.seal_for(ServiceSettings())


async def test_logout_answers_204_and_the_session_is_refused_from_then_on(api, redis):
    owner = await create_signed_in()
    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL)  # cached, as the router does

    response = await api.post("/v1/auth/logout", headers=owner.headers)

    assert response.status_code == 204
    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


async def test_logout_marks_the_session_revoked_in_mongodb(api):
    owner = await create_signed_in()

    await api.post("/v1/auth/logout", headers=owner.headers)

    assert (await Session.get(owner.record.id)).revoked_at is not None


async def test_logout_without_a_token_answers_401(api):
    response = await api.post("/v1/auth/logout")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_the_list_shows_the_callers_live_sessions_and_which_is_current(api):
    owner = await create_signed_in()
    other_id = await create_session(owner.user, owner.account, user_agent="Safari")

    response = await api.get("/v1/auth/sessions", headers=owner.headers)

    assert response.status_code == 200
    body = response.json()
    listed = {item["id"]: item for item in body["data"]}
    other = await Session.find_one({"token_hash": sessions.hash_session_id(other_id)})
    assert set(listed) == {str(owner.record.id), str(other.id)}
    assert listed[str(owner.record.id)]["current"] is True
    assert listed[str(other.id)]["current"] is False
    assert listed[str(other.id)]["user_agent"] == "Safari"
    assert body["pagination"] == {"page": 1, "limit": 25, "total": 2, "next_page": None}


async def test_the_list_leaves_out_revoked_and_expired_sessions(api):
    owner = await create_signed_in()
    now = datetime.now(UTC)
    await create_session(owner.user, owner.account, revoked_at=now)
    await create_session(owner.user, owner.account, expires_at=now - IDLE)

    response = await api.get("/v1/auth/sessions", headers=owner.headers)

    assert [item["id"] for item in response.json()["data"]] == [str(owner.record.id)]


async def test_the_list_leaves_out_other_users_sessions(api):
    owner = await create_signed_in()
    stranger = await create_signed_in(account=owner.account)

    response = await api.get("/v1/auth/sessions", headers=owner.headers)

    assert str(stranger.record.id) not in [item["id"] for item in response.json()["data"]]


async def test_revoking_one_of_the_callers_sessions_refuses_it_at_once(api, redis):
    owner = await create_signed_in()
    other_id = await create_session(owner.user, owner.account)
    assert await sessions.lookup(redis, other_id, IDLE, SEAL)
    other = await Session.find_one({"token_hash": sessions.hash_session_id(other_id)})

    response = await api.delete(f"/v1/auth/sessions/{other.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await sessions.lookup(redis, other_id, IDLE, SEAL) is None


async def test_revoking_another_users_session_answers_404_and_leaves_it_live(api, redis):
    owner = await create_signed_in()
    stranger = await create_signed_in()

    response = await api.delete(f"/v1/auth/sessions/{stranger.record.id}", headers=owner.headers)

    assert response.status_code == 404
    assert await sessions.lookup(redis, stranger.session_id, IDLE, SEAL)


async def test_revoking_a_malformed_session_id_answers_404(api):
    owner = await create_signed_in()

    response = await api.delete("/v1/auth/sessions/not-an-id", headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_sessions_cannot_be_sorted_by_their_token_hash(api):
    owner = await create_signed_in()

    response = await api.get("/v1/auth/sessions?sort=token_hash", headers=owner.headers)

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["query.sort"]


async def test_sessions_sort_by_when_they_were_last_seen(api):
    owner = await create_signed_in()
    older = await create_session(
        owner.user, owner.account, last_seen_at=owner.record.last_seen_at - timedelta(hours=1)
    )

    response = await api.get("/v1/auth/sessions?sort=last_seen_at", headers=owner.headers)

    stored = await Session.find_one({"token_hash": sessions.hash_session_id(older)})
    assert [s["id"] for s in response.json()["data"]] == [str(stored.id), str(owner.record.id)]
