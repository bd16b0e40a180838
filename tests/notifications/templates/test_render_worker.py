"""The render worker caps what a template prints and the memory it takes."""

from tests.notifications.templates.conftest import over_limit


async def test_printing_past_the_output_limit_is_stopped(strict):
    refused = await over_limit(strict, "{% for i in range(2000) %}x{% endfor %}")

    assert refused.details[0]["message"] == "it prints more than 1,000 characters"


async def test_a_template_that_needs_too_much_memory_is_stopped(strict):
    refused = await over_limit(strict, "{{ 'a'.ljust(1000000000) }}")

    assert refused.details[0]["message"] == "it needs more memory than a template may use"
