"""Presence: a user is online in their account from their first socket to their last; changes
reach the account's room in batches, one event naming everyone whose status changed."""

import asyncio

from redis.asyncio import Redis

from shared.utilities.realtime import presence_key
from tests.factories import create_signed_in


async def watch(connect, watcher):
    """A socket of the watcher, past the announcement of its own arrival."""
    watching = await connect(watcher)
    assert (await watching.next("presence"))["online"] == [str(watcher.user.id)]
    return watching


async def open_count(redis: Redis, signed_in) -> int:
    return int(await redis.hget(presence_key(str(signed_in.account.id)), str(signed_in.user.id)))


async def test_the_account_sees_a_user_come_online(connect):
    watcher = await create_signed_in()
    ada = await create_signed_in(watcher.account)
    watching = await watch(connect, watcher)

    await connect(ada)

    assert await watching.next("presence") == {"online": [str(ada.user.id)], "offline": []}


async def test_the_account_sees_a_user_go_offline_with_their_last_socket(connect):
    watcher = await create_signed_in()
    ada = await create_signed_in(watcher.account)
    watching = await watch(connect, watcher)
    tab = await connect(ada)
    await watching.next("presence")

    await tab.disconnect()

    assert await watching.next("presence") == {"online": [], "offline": [str(ada.user.id)]}


async def test_closing_one_of_two_tabs_keeps_the_user_online(connect, redis):
    watcher = await create_signed_in()
    ada = await create_signed_in(watcher.account)
    watching = await watch(connect, watcher)
    first_tab, _ = await connect(ada), await connect(ada)
    await watching.next("presence")

    await first_tab.disconnect()
    while await open_count(redis, ada) != 1:
        pass

    listed = await watching.call("presence:list")
    assert str(ada.user.id) in listed["online"]
    assert watching.pending("presence") == 0


async def test_the_online_list_holds_only_the_accounts_users(connect):
    watcher = await create_signed_in()
    outsider = await create_signed_in()
    watching = await watch(connect, watcher)
    await connect(outsider)

    listed = await watching.call("presence:list")

    assert listed == {"ok": True, "online": [str(watcher.user.id)]}


async def test_other_accounts_do_not_see_a_user_come_online(connect):
    outsider = await create_signed_in()
    watcher = await create_signed_in()
    watching = await watch(connect, watcher)

    await connect(outsider)
    await connect(await create_signed_in(watcher.account))

    assert str(outsider.user.id) not in (await watching.next("presence"))["online"]


async def test_users_arriving_together_are_announced_in_one_event(connect):
    watcher = await create_signed_in()
    users = [await create_signed_in(watcher.account) for _ in range(5)]
    watching = await watch(connect, watcher)

    await asyncio.gather(*(connect(user) for user in users))

    announced = []
    while len(announced) < len(users):
        announced += (await watching.next("presence"))["online"]
    assert sorted(announced) == sorted(str(user.user.id) for user in users)
    assert watching.pending("presence") == 0
