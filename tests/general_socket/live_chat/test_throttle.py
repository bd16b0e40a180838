"""A visitor writing faster than GENERAL_SOCKET_VISITOR_WRITES_PER_MINUTE is refused with
rate_limited, and a refused message is not stored."""

from collections.abc import AsyncIterator

import pytest

from general_socket.app import create_app
from general_socket.settings import GeneralSocketSettings
from shared.models.conversation_message import ConversationMessage
from tests.factories import create_account
from tests.realtime_factories import create_widget

PER_MINUTE = 2


@pytest.fixture
async def strict_url(serve, mongo) -> AsyncIterator[str]:
    settings = GeneralSocketSettings(visitor_writes_per_minute=PER_MINUTE)
    async with serve(create_app(settings)) as url:
        yield url


async def test_a_visitor_writing_too_fast_is_refused_and_nothing_more_is_stored(
    strict_url, new_client
):
    widget = await create_widget(await create_account())
    visitor = new_client()
    await visitor.connect(strict_url, {"widget_key": widget.key})

    # More than two windows' worth, so a minute turning over midway still meets the limit.
    answers = [
        await visitor.call("visitor:message", {"body": f"spam {n}"})
        for n in range(2 * PER_MINUTE + 1)
    ]

    refused = [answer for answer in answers if not answer["ok"]]
    assert refused and refused[0]["error"]["code"] == "rate_limited"
    assert await ConversationMessage.find_all().count() == len(answers) - len(refused)


async def test_visitors_are_counted_apart(strict_url, new_client):
    widget = await create_widget(await create_account())
    first, second = new_client(), new_client()
    for visitor in (first, second):
        await visitor.connect(strict_url, {"widget_key": widget.key})

    for n in range(PER_MINUTE):
        await first.call("visitor:message", {"body": f"first {n}"})
    answer = await second.call("visitor:message", {"body": "second"})

    assert answer["ok"] is True
