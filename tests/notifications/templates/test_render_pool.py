"""The render pool stops a template past its time limit, and carries on after; the event loop
runs meanwhile."""

import asyncio

import pytest

from notifications.templates.defaults import TemplateSource
from notifications.templates.errors import TemplateOverLimit
from tests.notifications.templates.conftest import ENDLESS, over_limit


async def test_a_template_that_runs_past_the_time_limit_is_stopped(strict):
    refused = await over_limit(strict, ENDLESS)

    assert refused.details == [
        {"field": "template", "message": "it takes longer than 1 s to render"}
    ]


async def test_the_workers_render_again_after_a_template_was_stopped(strict):
    await over_limit(strict, ENDLESS)
    await over_limit(strict, "{{ 'a'.ljust(1000000000) }}")

    rendered = await strict.render(TemplateSource(text="still {{ word }}"), {"word": "here"}, "UTC")

    assert rendered.text == "still here"


async def test_the_event_loop_runs_while_a_template_renders(strict):
    slow = asyncio.create_task(strict.render(TemplateSource(text=ENDLESS), {}, "UTC"))
    others_ran = []

    async def meanwhile() -> None:
        others_ran.append(not slow.done())

    await asyncio.wait([slow, asyncio.create_task(meanwhile())], return_when="FIRST_COMPLETED")

    assert others_ran == [True]
    with pytest.raises(TemplateOverLimit):
        await slow
