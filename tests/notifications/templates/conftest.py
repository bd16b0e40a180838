"""Render workers with small limits, for the tests of the limits themselves."""

from collections.abc import Iterator

import pytest

from notifications.templates.defaults import TemplateSource
from notifications.templates.errors import TemplateOverLimit
from notifications.templates.render_pool import RenderPool
from notifications.templates.rendering import TemplateRenderer

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
