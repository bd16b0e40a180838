"""Rendering templates: Jinja2's sandbox (templates are written by accounts), HTML escaped.

Text, subjects and SMS are rendered unescaped; HTML autoescapes every variable, so a lead
named `<script>` arrives as text. A variable the template uses but the sender did not give is
an error, not an empty gap in a sent message.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import DictLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from notifications.templates.defaults import LAYOUT_HTML, TemplateSource
from shared.models.account import Account
from shared.utilities.errors import InvalidInput

DEFAULT_PRIMARY_COLOR = "#1f2937"
DEFAULT_SECONDARY_COLOR = "#6b7280"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@cache
def environment(html: bool) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=DictLoader({"layout.html": LAYOUT_HTML}),
        autoescape=html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def brand_of(account: Account) -> dict[str, Any]:
    """What templates know of the account's white label, with defaults for what is unset."""
    branding = account.branding
    return {
        "name": branding.name or account.name,
        "logo_url": branding.logo_url,
        "custom_domain": branding.custom_domain,
        "primary_color": branding.primary_color or DEFAULT_PRIMARY_COLOR,
        "secondary_color": branding.secondary_color or DEFAULT_SECONDARY_COLOR,
    }


def render(
    source: TemplateSource, account: Account, data: dict[str, Any], unsubscribe_url: str = ""
) -> Rendered:
    context = {**data, "brand": brand_of(account), "unsubscribe_url": unsubscribe_url}
    return Rendered(
        # A subject is one line, whatever the data held.
        subject=" ".join(render_field("subject", source.subject, context, html=False).split()),
        text=render_field("text", source.text, context, html=False),
        html=render_field("html", source.html, context, html=True),
    )


def render_field(field: str, source: str, context: dict[str, Any], html: bool) -> str:
    if not source:
        return ""
    try:
        return environment(html).from_string(source).render(context)
    except TemplateError as error:
        raise InvalidInput(
            f"The template's {field} cannot be rendered: {error.message}",
            details=[{"field": field, "message": str(error.message)}],
        ) from None


def check_syntax(fields: dict[str, str]) -> None:
    """Refuses a template source that is not valid Jinja2, naming each bad field."""
    problems = []
    for field, source in fields.items():
        try:
            environment(field == "html").parse(source)
        except TemplateSyntaxError as error:
            problems.append({"field": field, "message": f"line {error.lineno}: {error.message}"})
    if problems:
        raise InvalidInput("The template is not valid Jinja2.", details=problems)
