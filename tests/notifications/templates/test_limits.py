"""A template cannot hang or exhaust the service: each limit stops it with a clear message, and
the render workers carry on after."""

import asyncio
from collections.abc import Iterator

import pytest

from notifications.templates.defaults import TemplateSource
from notifications.templates.errors import TemplateOverLimit
from notifications.templates.render_pool import RenderPool
from notifications.templates.rendering import TemplateRenderer
from notifications.templates.sandbox import MAX_RANGE

OUTPUT_LIMIT = 1000
# Three nested loops of MAX_RANGE: 10**12 turns, far past any time limit.
ENDLESS = (
    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


@pytest.fixture
def strict_pool() -> Iterator[RenderPool]:
    pool = RenderPool(size=1, timeout_seconds=1, output_limit=OUTPUT_LIMIT, memory_mb=128)
    yield pool
    pool.close()


@pytest.fixture
def strict(strict_pool) -> TemplateRenderer:
    return TemplateRenderer(strict_pool)


async def over_limit(renderer: TemplateRenderer, text: str) -> TemplateOverLimit:
    with pytest.raises(TemplateOverLimit) as raised:
        await renderer.render(TemplateSource(text=text), {}, "UTC")
    assert raised.value.code == "template_over_limit"
    return raised.value


async def test_repeating_a_string_past_the_output_limit_is_refused_before_it_is_made(strict):
    refused = await over_limit(strict, "{{ 'x' * 1000000000 }}")

    assert refused.details == [
        {
            "field": "text",
            "message": "a repetition (*) makes 1,000,000,000 characters or items; "
            "a template makes at most 1,000",
        }
    ]


async def test_repeating_a_list_past_the_output_limit_is_refused(strict):
    refused = await over_limit(strict, "{{ ([1] * 100000)|length }}")

    assert "a repetition (*)" in refused.message


async def test_raising_a_number_past_the_bound_is_refused(strict):
    refused = await over_limit(strict, "{{ 10 ** 100000 }}")

    assert "too large a number" in refused.details[0]["message"]


async def test_a_number_squared_again_and_again_is_stopped(strict):
    refused = await over_limit(
        strict,
        "{% set n = namespace(x=3) %}{% for i in range(40) %}{% set n.x = n.x * n.x %}"
        "{% endfor %}{{ n.x }}",
    )

    assert "too large a number" in refused.message


async def test_a_range_past_the_bound_is_refused(strict):
    refused = await over_limit(strict, "{% for i in range(1000000) %}{% endfor %}")

    assert refused.details[0]["message"] == (
        f"a range has at most {MAX_RANGE:,} numbers, not 1,000,000"
    )


async def test_printing_past_the_output_limit_is_stopped(strict):
    refused = await over_limit(strict, "{% for i in range(2000) %}x{% endfor %}")

    assert refused.details[0]["message"] == "it prints more than 1,000 characters"


async def test_a_template_that_runs_past_the_time_limit_is_stopped(strict):
    refused = await over_limit(strict, ENDLESS)

    assert refused.details == [
        {"field": "template", "message": "it takes longer than 1 s to render"}
    ]


async def test_a_template_that_needs_too_much_memory_is_stopped(strict):
    refused = await over_limit(strict, "{{ 'a'.ljust(1000000000) }}")

    assert refused.details[0]["message"] == "it needs more memory than a template may use"


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
