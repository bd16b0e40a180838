"""`notifications:read`: the user marks one of their notifications read from the socket; their
other connections are told."""

from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.notification import Notification
from tests.factories import create_signed_in
from tests.realtime_factories import create_notification


async def test_a_notification_is_marked_read_and_the_users_other_tabs_are_told(connect):
    me = await create_signed_in()
    notification = await create_notification(me.account, me.user)
    tab = await connect({"session_id": me.session_id})
    other_tab = await connect({"session_id": me.session_id})

    answer = await tab.call("notifications:read", {"notification_id": str(notification.id)})

    assert answer == {"ok": True, "changed": True}
    assert (await Notification.get(notification.id)).read_at is not None
    assert await other_tab.next("notifications:read") == {"ids": [str(notification.id)]}


async def test_a_read_notification_is_left_as_it_was(connect):
    me = await create_signed_in()
    notification = await create_notification(me.account, me.user)
    await notification.set({"read_at": notification.created_at})
    tab = await connect({"session_id": me.session_id})

    answer = await tab.call("notifications:read", {"notification_id": str(notification.id)})

    assert answer == {"ok": True, "changed": False}
    assert (await Notification.get(notification.id)).read_at == notification.created_at


async def test_a_colleagues_notification_answers_as_missing_and_stays_unread(connect):
    me = await create_signed_in()
    colleague = await create_signed_in(me.account, Role.MEMBER)
    theirs = await create_notification(me.account, colleague.user)
    tab = await connect({"session_id": me.session_id})

    answer = await tab.call("notifications:read", {"notification_id": str(theirs.id)})

    assert answer["error"]["code"] == "not_found"
    assert (await Notification.get(theirs.id)).read_at is None


async def test_a_notification_that_does_not_exist_answers_as_missing(connect):
    me = await create_signed_in()
    tab = await connect({"session_id": me.session_id})

    answer = await tab.call("notifications:read", {"notification_id": str(PydanticObjectId())})

    assert answer["error"]["code"] == "not_found"


async def test_a_malformed_id_gets_a_validation_error(connect):
    me = await create_signed_in()
    tab = await connect({"session_id": me.session_id})

    answer = await tab.call("notifications:read", {"notification_id": "nope"})

    assert answer["error"]["details"][0]["field"] == "notification_id"
