"""The platform's announcements reach every dashboard user's socket, in every account; never a
live-chat visitor's."""

from shared.utilities.realtime import PLATFORM_ROOM, Socket
from tests.factories import create_signed_in
from tests.general_socket.clients import emit_now
from tests.realtime_factories import create_widget


async def test_users_of_every_account_hear_the_platforms_room(connect, settings):
    one, another = await create_signed_in(), await create_signed_in()
    tabs = [await connect({"session_id": user.session_id}) for user in (one, another)]

    await emit_now(
        settings.redis_url, Socket.GENERAL, "announcement:new", {"id": "a1"}, PLATFORM_ROOM
    )

    assert [await tab.next("announcement:new") for tab in tabs] == [{"id": "a1"}, {"id": "a1"}]


async def test_a_live_chat_visitor_does_not_hear_them(connect, settings):
    me = await create_signed_in()
    visitor = await connect({"widget_key": (await create_widget(me.account)).key})

    await emit_now(
        settings.redis_url, Socket.GENERAL, "announcement:new", {"id": "a2"}, PLATFORM_ROOM
    )
    await visitor.settle(settings.redis_url)

    assert visitor.got("announcement:new") == []
