"""`notify` (shared.models.notification) stores a notification and pushes it to the user's
room on the general socket once the work asking for it succeeds; reading over HTTP is pushed to
the user's tabs too."""

from collections.abc import AsyncIterator

import pytest

from general_socket.app import create_app as create_general_socket
from general_socket.settings import GeneralSocketSettings
from shared.domain.notifications.notify import notify
from shared.models.notification import Notification
from shared.utilities.outbox import Senders, collecting
from tests.factories import create_signed_in
from tests.general_socket.clients import SocketClient
from tests.realtime_factories import create_notification

NEW_LEAD = {"kind": "crm.lead", "title": "New lead", "body": "Ada", "link": "/crm/1"}


@pytest.fixture
async def tab(serve, mongo) -> AsyncIterator:
    """`await tab(signed_in)`: a general socket connection of the user."""
    clients: list[SocketClient] = []
    async with serve(create_general_socket(GeneralSocketSettings())) as url:

        async def open_tab(signed_in) -> SocketClient:
            clients.append(SocketClient())
            assert await clients[-1].connect(url, {"session_id": signed_in.session_id}) is None
            return clients[-1]

        yield open_tab
        for client in clients:
            await client.disconnect()


@pytest.fixture
def senders() -> AsyncIterator[Senders]:
    senders = Senders.for_redis(GeneralSocketSettings().redis_url)
    yield senders
    senders.close()


async def test_a_new_notification_reaches_the_users_socket(tab, senders):
    me = await create_signed_in()
    socket = await tab(me)

    async with collecting(senders):
        notification = await notify(me.account.id, me.user.id, **NEW_LEAD)

    pushed = await socket.next("notification:new")
    assert pushed["id"] == str(notification.id)
    assert (pushed["title"], pushed["link"], pushed["read_at"]) == ("New lead", "/crm/1", None)


async def test_a_colleague_is_not_told(tab, senders):
    me = await create_signed_in()
    colleague_socket = await tab(await create_signed_in(me.account))

    async with collecting(senders):
        await notify(me.account.id, me.user.id, **NEW_LEAD)
    await colleague_socket.settle(GeneralSocketSettings().redis_url)

    assert colleague_socket.got("notification:new") == []


async def test_work_that_fails_pushes_nothing(tab, senders):
    me = await create_signed_in()
    socket = await tab(me)

    with pytest.raises(RuntimeError):
        async with collecting(senders):
            await notify(me.account.id, me.user.id, **NEW_LEAD)
            raise RuntimeError("the work failed")
    await socket.settle(GeneralSocketSettings().redis_url)

    assert socket.got("notification:new") == []


async def test_reading_all_over_http_tells_the_users_tabs(tab, start_api):
    me = await create_signed_in()
    await create_notification(me.account, me.user)
    socket = await tab(me)

    async with start_api() as api:
        await api.post("/v1/notifications-center/read-all", headers=me.headers)

    assert await socket.next("notifications:read") == {"all": True}
    assert await Notification.find({"read_at": None}).count() == 0
