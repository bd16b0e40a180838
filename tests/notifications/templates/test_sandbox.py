"""The sandbox bounds what one expression makes: repetitions, numbers, ranges."""

from notifications.templates.sandbox import MAX_RANGE
from tests.notifications.templates.conftest import over_limit


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
