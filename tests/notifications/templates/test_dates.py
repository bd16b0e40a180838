"""Dates in templates print in the account's time zone."""

import pytest

from notifications.templates.defaults import DEFAULTS, TemplateSource
from notifications.templates.errors import TemplateNotRenderable
from notifications.templates.rendering import context_for
from shared.models.account import Account
from shared.models.notification_template import Channel

pytestmark = pytest.mark.usefixtures("mongo")


async def text_of(renderer, text: str, time_zone: str = "Europe/Paris", **data) -> str:
    rendered = await renderer.render(
        TemplateSource(text=text), context_for(Account(name="A"), data), time_zone
    )
    return rendered.text


async def test_a_date_time_prints_in_the_time_zone(renderer):
    text = await text_of(renderer, "{{ at|datetime }}", at="2026-12-01T23:30:00Z")

    assert text == "2 December 2026, 00:30 CET"


async def test_a_date_time_without_an_offset_is_taken_as_utc(renderer):
    text = await text_of(renderer, "{{ at|datetime }}", "America/New_York", at="2026-07-01T12:00")

    assert text == "1 July 2026, 08:00 EDT"


async def test_a_date_is_printed_as_it_is(renderer):
    assert await text_of(renderer, "{{ on|date }}", "Pacific/Auckland", on="2026-12-01") == (
        "1 December 2026"
    )


async def test_a_format_of_ones_own_is_used(renderer):
    text = await text_of(renderer, '{{ at|datetime("%A %H:%M") }}', at="2026-12-01T15:00:00Z")

    assert text == "Tuesday 16:00"


async def test_a_format_with_a_width_is_refused(renderer):
    with pytest.raises(TemplateNotRenderable, match="not a date format"):
        await text_of(renderer, '{{ at|datetime("%999999999d") }}', at="2026-12-01T15:00:00Z")


async def test_a_value_that_is_not_a_date_is_refused(renderer):
    with pytest.raises(TemplateNotRenderable, match="is not an ISO 8601 date"):
        await text_of(renderer, "{{ on|date }}", on="next Friday")


async def test_the_task_email_prints_its_due_date_in_the_accounts_time_zone(renderer):
    data = {
        "assigner_name": "Ada",
        "task_title": "Call Grace",
        "due_date": "2026-12-01T23:30:00Z",
        "task_url": "https://x.test/t/1",
    }

    rendered = await renderer.render(
        DEFAULTS["task_assigned", Channel.EMAIL], context_for(Account(name="A"), data), "Asia/Tokyo"
    )

    assert "(due 2 December 2026)" in rendered.text
