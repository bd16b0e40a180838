"""An operator's read-only view as a user on the general socket: it connects and follows what
the user follows, and every event that changes something is refused."""

from shared.models.notification import Notification
from tests.factories import create_session, create_signed_in, create_sub_account
from tests.factories import create_user as create_operator_user
from tests.realtime_factories import create_notification


async def view_of(me):
    operator = await create_operator_user(platform_operator=True)
    return await create_session(me.user, me.account, impersonated_by=operator.id)


async def test_a_view_cannot_mark_the_users_notification_read(connect):
    me = await create_signed_in()
    notification = await create_notification(me.account, me.user)
    tab = await connect({"session_id": await view_of(me)})

    answer = await tab.call("notifications:read", {"notification_id": str(notification.id)})

    assert answer["error"]["code"] == "impersonation_read_only"
    assert (await Notification.get(notification.id)).read_at is None


async def test_a_view_follows_a_sub_account_as_the_user_may(connect):
    me = await create_signed_in()
    client = await create_sub_account(me.account)
    tab = await connect({"session_id": await view_of(me)})

    answer = await tab.call("subscribe", {"account_id": str(client.id)})

    assert answer["ok"] is True
