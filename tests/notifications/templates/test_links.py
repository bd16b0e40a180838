"""A variable printed at the start of a link in HTML email must be an http(s) URL."""

import pytest

from notifications.templates.defaults import DEFAULTS, TemplateSource
from notifications.templates.errors import UnsafeLink
from notifications.templates.rendering import context_for
from shared.models.account import Account, Branding
from shared.models.notification_template import Channel

pytestmark = pytest.mark.usefixtures("mongo")

LINK = '<a href="{{ website }}">Visit</a>'


async def render_html(renderer, html: str, account: Account | None = None, **data) -> str:
    source = TemplateSource(text="x", html=html)
    context = context_for(account or Account(name="Acme"), data)
    return (await renderer.render(source, context, "UTC")).html


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "//evil.test/x",
        "https://evil.test/x onmouseover=alert(1)",
        "https://evil.test/\nx",
    ],
)
async def test_a_link_variable_that_is_not_an_http_url_is_refused(renderer, website):
    with pytest.raises(UnsafeLink) as raised:
        await render_html(renderer, LINK, website=website)

    assert raised.value.code == "unsafe_link"
    assert raised.value.details == [
        {
            "field": "data.website",
            "message": "it is printed as a link (href) and must be an http(s) URL",
        }
    ]


async def test_an_http_link_is_printed_escaped(renderer):
    html = await render_html(renderer, LINK, website="https://site.test/?a=1&b=2")

    assert html == '<a href="https://site.test/?a=1&amp;b=2">Visit</a>'


async def test_an_image_source_is_checked_too(renderer):
    with pytest.raises(UnsafeLink):
        await render_html(renderer, "<img src='{{ picture }}'>", picture="javascript:x")


async def test_an_unquoted_attribute_is_checked(renderer):
    with pytest.raises(UnsafeLink):
        await render_html(renderer, "<a href={{ website }}>x</a>", website="javascript:x")


async def test_a_variable_after_literal_text_in_the_link_is_left_to_the_literal(renderer):
    html = await render_html(
        renderer, '<a href="https://site.test/leads/{{ lead }}">x</a>', lead="javascript:x"
    )

    assert html == '<a href="https://site.test/leads/javascript:x">x</a>'


async def test_a_link_starting_in_either_branch_of_an_if_is_checked(renderer):
    html = '<a href="{% if vip %}{{ vip_url }}{% else %}{{ url }}{% endif %}">x</a>'

    with pytest.raises(UnsafeLink):
        await render_html(renderer, html, vip=False, vip_url="https://x.test", url="javascript:x")


async def test_a_filtered_link_is_checked_after_its_filters(renderer):
    with pytest.raises(UnsafeLink) as raised:
        await render_html(renderer, '<a href="{{ website|safe }}">x</a>', website="javascript:x")

    assert raised.value.details[0]["field"] == "html"


async def test_a_text_body_prints_what_it_is_given(renderer):
    source = TemplateSource(text="Visit {{ website }}")

    rendered = await renderer.render(
        source, context_for(Account(name="A"), {"website": "javascript:x"}), "UTC"
    )

    assert rendered.text == "Visit javascript:x"


async def test_an_accounts_logo_that_is_not_an_http_url_is_refused_in_the_layout(renderer):
    account = Account(name="Acme", branding=Branding(logo_url="javascript:alert(1)"))
    source = DEFAULTS["new_lead", Channel.EMAIL]
    data = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/1"}

    with pytest.raises(UnsafeLink) as raised:
        await renderer.render(source, context_for(account, data), "UTC")

    assert raised.value.message.startswith("brand.logo_url cannot be sent")
