"""Live-chat visitors are throttled per minute: writes per visitor, per address and per widget
(GENERAL_SOCKET_VISITOR_WRITES_PER_MINUTE[_PER_IP|_PER_WIDGET]); connections per address and
per widget (GENERAL_SOCKET_VISITOR_CONNECTIONS_PER_MINUTE_PER_IP|_PER_WIDGET). A refusal says
rate_limited and stores nothing. Every test client connects from 127.0.0.1.

Each test makes more than two windows' worth of attempts, so a minute turning over midway
still meets the limit."""

from collections.abc import Callable

import pytest

from general_socket.app import create_app
from general_socket.settings import GeneralSocketSettings
from shared.models.conversation_message import ConversationMessage
from tests.factories import create_account
from tests.realtime_factories import create_widget

LIMIT = 2
ATTEMPTS = 2 * LIMIT + 1
GENEROUS = 1000


@pytest.fixture
def serve_with(serve, mongo) -> Callable:
    """`async with serve_with(**settings) as url`: a general socket with those limits."""

    def start(**limits: int):
        return serve(create_app(GeneralSocketSettings(**limits)))

    return start


@pytest.fixture
async def visitors(new_client) -> Callable:
    """`await visitors(url, widget, n)`: n visitors connected through the widget."""

    async def connected(url: str, widget, count: int) -> list:
        clients = [new_client() for _ in range(count)]
        for client in clients:
            assert await client.connect(url, {"widget_key": widget.key}) is None
        return clients

    return connected


async def write(visitor, body: str) -> dict:
    return await visitor.call("visitor:message", {"body": body})


def refusals(answers: list[dict]) -> list[str]:
    return [answer["error"]["code"] for answer in answers if not answer["ok"]]


async def test_a_visitor_writing_too_fast_is_refused_and_nothing_more_is_stored(
    serve_with, visitors
):
    widget = await create_widget(await create_account())
    async with serve_with(visitor_writes_per_minute=LIMIT) as url:
        [visitor] = await visitors(url, widget, 1)

        answers = [await write(visitor, f"spam {n}") for n in range(ATTEMPTS)]

    assert refusals(answers)[0] == "rate_limited"
    assert await ConversationMessage.find_all().count() == len(answers) - len(refusals(answers))


async def test_visitors_are_counted_apart(serve_with, visitors):
    widget = await create_widget(await create_account())
    async with serve_with(visitor_writes_per_minute=LIMIT) as url:
        first, second = await visitors(url, widget, 2)
        for n in range(LIMIT):
            await write(first, f"first {n}")

        answer = await write(second, "second")

    assert answer["ok"] is True


async def test_new_visitors_at_one_address_share_its_limit(serve_with, visitors):
    widget = await create_widget(await create_account())
    async with serve_with(visitor_writes_per_minute_per_ip=LIMIT) as url:
        clients = await visitors(url, widget, ATTEMPTS)

        answers = [await write(client, "one each") for client in clients]

    assert refusals(answers)[0] == "rate_limited"


async def test_a_widgets_visitors_share_its_limit_and_other_widgets_are_not_held_up(
    serve_with, visitors
):
    busy = await create_widget(await create_account())
    quiet = await create_widget(await create_account())
    async with serve_with(
        visitor_writes_per_minute_per_widget=LIMIT, visitor_writes_per_minute_per_ip=GENEROUS
    ) as url:
        crowd = await visitors(url, busy, ATTEMPTS)
        [elsewhere] = await visitors(url, quiet, 1)

        answers = [await write(client, "one each") for client in crowd]
        other = await write(elsewhere, "hello")

    assert refusals(answers)[0] == "rate_limited"
    assert other["ok"] is True


async def test_connections_from_one_address_are_limited(serve_with, new_client):
    widget = await create_widget(await create_account())
    async with serve_with(visitor_connections_per_minute_per_ip=LIMIT) as url:
        refused = [
            await new_client().connect(url, {"widget_key": widget.key}) for _ in range(ATTEMPTS)
        ]

    codes = [refusal["data"]["code"] for refusal in refused if refusal]
    assert codes and set(codes) == {"rate_limited"}


async def test_connections_through_one_widget_are_limited(serve_with, new_client):
    busy = await create_widget(await create_account())
    quiet = await create_widget(await create_account())
    limits = {
        "visitor_connections_per_minute_per_widget": LIMIT,
        "visitor_connections_per_minute_per_ip": GENEROUS,
    }
    async with serve_with(**limits) as url:
        refused = [
            await new_client().connect(url, {"widget_key": busy.key}) for _ in range(ATTEMPTS)
        ]
        elsewhere = await new_client().connect(url, {"widget_key": quiet.key})

    codes = [refusal["data"]["code"] for refusal in refused if refusal]
    assert codes and set(codes) == {"rate_limited"}
    assert elsewhere is None
