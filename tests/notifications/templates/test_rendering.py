"""Rendering: branding, HTML escaping, the sandbox, and what is missing."""

import pytest

from notifications.templates.defaults import DEFAULTS, TemplateSource
from notifications.templates.errors import InvalidTemplate, TemplateNotRenderable
from notifications.templates.rendering import check_syntax, context_for
from shared.models.account import Account, Branding
from shared.models.notification_template import Channel

# Accounts are Beanie documents: they need the database set up, not stored.
pytestmark = pytest.mark.usefixtures("mongo")


def branded() -> Account:
    branding = Branding(name="Acme", logo_url="https://cdn.test/acme.png", primary_color="#ff0000")
    return Account(name="Acme Agency", branding=branding)


async def test_the_brand_name_logo_and_colour_reach_the_html_layout(renderer):
    data = {"lead_name": "Grace", "source": "the website", "lead_url": "https://x.test/1"}

    rendered = await renderer.render(
        DEFAULTS["new_lead", Channel.EMAIL], context_for(branded(), data), "UTC"
    )

    assert '<img src="https://cdn.test/acme.png" alt="Acme"' in rendered.html
    assert "background: #ff0000" in rendered.html
    assert "<strong>Grace</strong> just came in from the website." in rendered.html


async def test_an_account_without_branding_shows_its_name_and_default_colours(renderer):
    source = TemplateSource(text="x", html='{% extends "layout.html" %}')

    rendered = await renderer.render(source, context_for(Account(name="Plain Co"), {}), "UTC")

    assert '<strong style="color: #ffffff;">Plain Co</strong>' in rendered.html
    assert "background: #1f2937" in rendered.html


async def test_variables_are_escaped_in_html_and_left_as_they_are_in_text(renderer):
    source = TemplateSource(subject="Hi {{ name }}", text="Hi {{ name }}", html="<p>{{ name }}</p>")
    data = {"name": "<script>alert(1)</script>"}

    rendered = await renderer.render(source, context_for(branded(), data), "UTC")

    assert rendered.html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert rendered.text == "Hi <script>alert(1)</script>"


async def test_a_subject_is_one_line_whatever_the_data_holds(renderer):
    source = TemplateSource(text="x", subject="Hi {{ name }}")

    rendered = await renderer.render(source, context_for(branded(), {"name": "A\nB"}), "UTC")

    assert rendered.subject == "Hi A B"


async def test_a_variable_the_sender_did_not_give_is_refused(renderer):
    source = DEFAULTS["new_lead", Channel.SMS]

    with pytest.raises(TemplateNotRenderable) as raised:
        await renderer.render(source, context_for(branded(), {"lead_name": "Grace"}), "UTC")

    assert raised.value.details == [{"field": "text", "message": "'source' is undefined"}]


async def test_a_templates_own_mistake_is_refused_naming_the_field(renderer):
    source = TemplateSource(text="ok", html="<p>{{ 1 / 0 }}</p>")

    with pytest.raises(TemplateNotRenderable) as raised:
        await renderer.render(source, context_for(branded(), {}), "UTC")

    assert raised.value.code == "template_not_renderable"
    assert raised.value.details == [{"field": "html", "message": "division by zero"}]


async def test_the_sandbox_refuses_reaching_into_python_internals(renderer):
    source = TemplateSource(text="{{ name.__class__.__mro__ }}")

    with pytest.raises(TemplateNotRenderable, match="unsafe"):
        await renderer.render(source, context_for(branded(), {"name": "x"}), "UTC")


async def test_the_unsubscribe_link_reaches_the_layouts_footer(renderer):
    source = TemplateSource(text="x", html='{% extends "layout.html" %}')

    rendered = await renderer.render(
        source, context_for(branded(), {}, unsubscribe_url="https://u.test/t"), "UTC"
    )

    assert '<a href="https://u.test/t">Unsubscribe</a>' in rendered.html


async def test_the_senders_data_cannot_replace_the_brand_or_the_unsubscribe_link(renderer):
    source = TemplateSource(text="{{ brand.name }} {{ unsubscribe_url }}")
    data = {"brand": "Evil", "unsubscribe_url": "https://evil.test"}

    rendered = await renderer.render(source, context_for(branded(), data, "https://u.test"), "UTC")

    assert rendered.text == "Acme https://u.test"


def test_a_syntax_error_names_the_field_and_line():
    with pytest.raises(InvalidTemplate) as raised:
        check_syntax({"subject": "ok", "text": "line one\n{% if %}"})

    assert raised.value.details[0]["field"] == "text"
    assert raised.value.details[0]["message"].startswith("line 2:")


@pytest.mark.parametrize(("event", "channel"), list(DEFAULTS))
def test_every_default_template_is_valid_jinja2(event, channel):
    source = DEFAULTS[event, channel]

    check_syntax({"subject": source.subject, "text": source.text, "html": source.html})
