"""/v1/notifications-center through gateway -> router -> internal_api: a user's own
notifications in their active account, newest first, read one by one or all at once."""

import pytest

from shared.models.membership import Role
from shared.models.notification import Notification
from tests.factories import create_signed_in
from tests.realtime_factories import create_notification

CENTER = "/v1/notifications-center"


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


async def test_the_list_holds_the_users_notifications_newest_first(api):
    me = await create_signed_in()
    first = await create_notification(me.account, me.user, title="First")
    second = await create_notification(me.account, me.user, title="Second")

    response = await api.get(CENTER, headers=me.headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["data"]] == [str(second.id), str(first.id)]


async def test_the_list_is_paginated(api):
    me = await create_signed_in()
    for number in range(3):
        await create_notification(me.account, me.user, title=f"N{number}")

    body = (await api.get(CENTER, params={"limit": 2}, headers=me.headers)).json()

    assert len(body["data"]) == 2
    assert body["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_the_list_leaves_out_a_colleagues_and_another_accounts_notifications(api):
    me = await create_signed_in()
    colleague = await create_signed_in(me.account, Role.MEMBER)
    stranger = await create_signed_in()
    mine = await create_notification(me.account, me.user)
    await create_notification(me.account, colleague.user)
    await create_notification(stranger.account, stranger.user)
    # The same user in another account sees it only when acting there.
    await create_notification(stranger.account, me.user)

    body = (await api.get(CENTER, headers=me.headers)).json()

    assert [item["id"] for item in body["data"]] == [str(mine.id)]


async def test_unread_lists_only_unread_notifications(api):
    me = await create_signed_in()
    unread = await create_notification(me.account, me.user)
    await create_notification(me.account, me.user, read_at=unread.created_at)

    body = (await api.get(CENTER, params={"unread": "true"}, headers=me.headers)).json()

    assert [item["id"] for item in body["data"]] == [str(unread.id)]


async def test_the_unread_count_counts_the_users_unread_notifications(api):
    me = await create_signed_in()
    colleague = await create_signed_in(me.account, Role.MEMBER)
    read = await create_notification(me.account, me.user)
    await read.set({"read_at": read.created_at})
    await create_notification(me.account, me.user)
    await create_notification(me.account, me.user)
    await create_notification(me.account, colleague.user)

    response = await api.get(f"{CENTER}/unread-count", headers=me.headers)

    assert response.json() == {"count": 2}


async def test_marking_one_read_sets_its_read_at(api):
    me = await create_signed_in()
    notification = await create_notification(me.account, me.user)

    response = await api.post(f"{CENTER}/{notification.id}/read", headers=me.headers)

    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    assert (await Notification.get(notification.id)).read_at is not None


async def test_marking_one_read_twice_keeps_the_first_read_at(api):
    me = await create_signed_in()
    notification = await create_notification(me.account, me.user)
    first = (await api.post(f"{CENTER}/{notification.id}/read", headers=me.headers)).json()

    second = (await api.post(f"{CENTER}/{notification.id}/read", headers=me.headers)).json()

    assert second["read_at"] == first["read_at"]


async def test_marking_a_colleagues_notification_read_answers_404_and_changes_nothing(api):
    me = await create_signed_in()
    colleague = await create_signed_in(me.account, Role.MEMBER)
    theirs = await create_notification(me.account, colleague.user)

    response = await api.post(f"{CENTER}/{theirs.id}/read", headers=me.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await Notification.get(theirs.id)).read_at is None


async def test_marking_a_malformed_id_read_answers_404(api):
    me = await create_signed_in()

    response = await api.post(f"{CENTER}/not-an-id/read", headers=me.headers)

    assert response.status_code == 404


async def test_marking_all_read_marks_only_the_users_unread_ones(api):
    me = await create_signed_in()
    colleague = await create_signed_in(me.account, Role.MEMBER)
    await create_notification(me.account, me.user)
    await create_notification(me.account, me.user)
    theirs = await create_notification(me.account, colleague.user)

    response = await api.post(f"{CENTER}/read-all", headers=me.headers)

    assert response.json() == {"count": 2}
    assert (await api.get(f"{CENTER}/unread-count", headers=me.headers)).json() == {"count": 0}
    assert (await Notification.get(theirs.id)).read_at is None


async def test_a_bad_page_answers_422_naming_it(api):
    me = await create_signed_in()

    response = await api.get(CENTER, params={"limit": 0}, headers=me.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.limit"


async def test_without_a_session_the_center_answers_401(api):
    response = await api.get(CENTER)

    assert response.status_code == 401
