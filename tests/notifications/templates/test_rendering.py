"""Rendering: branding, HTML escaping, the sandbox, and what is missing."""

import pytest

from notifications.templates.defaults import DEFAULTS, TemplateSource
from notifications.templates.rendering import check_syntax, render
from shared.models.account import Account, Branding
from shared.models.notification_template import Channel
from shared.utilities.errors import InvalidInput

# Accounts are Beanie documents: they need the database set up, not stored.
pytestmark = pytest.mark.usefixtures("mongo")


def branded() -> Account:
    branding = Branding(name="Acme", logo_url="https://cdn.test/acme.png", primary_color="#ff0000")
    return Account(name="Acme Agency", branding=branding)


def test_the_brand_name_logo_and_colour_reach_the_html_layout():
    rendered = render(
        DEFAULTS["new_lead", Channel.EMAIL],
        branded(),
        {"lead_name": "Grace", "source": "the website", "lead_url": "https://x.test/1"},
    )

    assert '<img src="https://cdn.test/acme.png" alt="Acme"' in rendered.html
    assert "background: #ff0000" in rendered.html
    assert "<strong>Grace</strong> just came in from the website." in rendered.html


def test_an_account_without_branding_shows_its_name_and_default_colours():
    plain = Account(name="Plain Co")

    rendered = render(TemplateSource(text="x", html='{% extends "layout.html" %}'), plain, {})

    assert '<strong style="color: #ffffff;">Plain Co</strong>' in rendered.html
    assert "background: #1f2937" in rendered.html


def test_variables_are_escaped_in_html_and_left_as_they_are_in_text():
    source = TemplateSource(subject="Hi {{ name }}", text="Hi {{ name }}", html="<p>{{ name }}</p>")

    rendered = render(source, branded(), {"name": "<script>alert(1)</script>"})

    assert rendered.html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert rendered.text == "Hi <script>alert(1)</script>"


def test_a_subject_is_one_line_whatever_the_data_holds():
    rendered = render(
        TemplateSource(text="x", subject="Hi {{ name }}"), branded(), {"name": "A\nB"}
    )

    assert rendered.subject == "Hi A B"


def test_a_variable_the_sender_did_not_give_is_refused():
    with pytest.raises(InvalidInput) as raised:
        render(DEFAULTS["new_lead", Channel.SMS], branded(), {"lead_name": "Grace"})

    assert raised.value.details == [{"field": "text", "message": "'source' is undefined"}]


def test_the_sandbox_refuses_reaching_into_python_internals():
    source = TemplateSource(text="{{ name.__class__.__mro__ }}")

    with pytest.raises(InvalidInput, match="unsafe"):
        render(source, branded(), {"name": "x"})


def test_the_unsubscribe_link_reaches_the_layouts_footer():
    source = TemplateSource(text="x", html='{% extends "layout.html" %}')

    rendered = render(source, branded(), {}, unsubscribe_url="https://u.test/t")

    assert '<a href="https://u.test/t">Unsubscribe</a>' in rendered.html


def test_a_syntax_error_names_the_field_and_line():
    with pytest.raises(InvalidInput) as raised:
        check_syntax({"subject": "ok", "text": "line one\n{% if %}"})

    assert raised.value.details[0]["field"] == "text"
    assert raised.value.details[0]["message"].startswith("line 2:")


@pytest.mark.parametrize(("event", "channel"), list(DEFAULTS))
def test_every_default_template_is_valid_jinja2(event, channel):
    source = DEFAULTS[event, channel]

    check_syntax({"subject": source.subject, "text": source.text, "html": source.html})
