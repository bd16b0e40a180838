"""Rendering a template for an account: its branding, its time zone, the render workers' limits.

Text, subjects and SMS are rendered unescaped; HTML autoescapes every variable, so a lead named
`<script>` arrives as text. A variable the template uses but the sender did not give is an
error, not an empty gap in a sent message. Rendering runs in the render workers
(`render_pool`), never on the event loop.
"""

from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateSyntaxError

from notifications.templates.dates import TIME_ZONE_KEY
from notifications.templates.defaults import TemplateSource
from notifications.templates.errors import (
    InvalidTemplate,
    TemplateNotRenderable,
    TemplateOverLimit,
    UnsafeLink,
)
from notifications.templates.render_pool import (
    RenderPool,
    RenderTimeout,
    WorkerLost,
    WorkerNotStarted,
)
from notifications.templates.sandbox import parsing_environment
from notifications.templates.variables import PROVIDED
from shared.models.account import Account
from shared.utilities.errors import DomainError, ServiceUnavailable

DEFAULT_PRIMARY_COLOR = "#1f2937"
DEFAULT_SECONDARY_COLOR = "#6b7280"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


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


def context_for(
    account: Account, data: dict[str, Any], unsubscribe_url: str = ""
) -> dict[str, Any]:
    """What a template of the account sees: the sender's data, the brand, the unsubscribe link
    (which the sender's data cannot replace)."""
    return {**data, "brand": brand_of(account), "unsubscribe_url": unsubscribe_url}


class TemplateRenderer:
    def __init__(self, pool: RenderPool) -> None:
        self.pool = pool

    async def render(
        self, source: TemplateSource, context: dict[str, Any], time_zone: str
    ) -> Rendered:
        """The template rendered with `context`, its dates in `time_zone`; a DomainError naming
        the field at fault otherwise (`TemplateOverLimit` for a limit)."""
        job = {
            "fields": {"subject": source.subject, "text": source.text, "html": source.html},
            "context": {**context, TIME_ZONE_KEY: time_zone},
        }
        try:
            answer = await self.pool.ask(job)
        except RenderTimeout:
            seconds = f"{self.pool.timeout_seconds:g}"
            reason = f"it takes longer than {seconds} s to render"
            raise TemplateOverLimit("template", reason) from None
        except WorkerLost:
            raise TemplateOverLimit("template", "its rendering stopped before the end") from None
        except WorkerNotStarted:
            raise ServiceUnavailable(
                "Templates cannot be rendered: no render worker starts."
            ) from None
        if "error" in answer:
            raise refusal(answer["error"])
        rendered = answer["rendered"]
        # A subject is one line, whatever the data held.
        subject = " ".join(rendered["subject"].split())
        return Rendered(subject=subject, text=rendered["text"], html=rendered["html"])


def refusal(error: dict[str, str]) -> DomainError:
    field, reason = error["field"], error["message"]
    match error["kind"]:
        case "link":
            variable = error["variable"]
            if variable.isidentifier() and variable not in PROVIDED:  # the sender's data
                return UnsafeLink(variable, f"data.{variable}", reason, location="body")
            return UnsafeLink(variable, field, reason, location="template")
        case "limit" | "memory":
            return TemplateOverLimit(field, reason)
        case _:
            return TemplateNotRenderable(field, reason)


def check_syntax(fields: dict[str, str]) -> None:
    """Refuses a template source that is not valid Jinja2, naming each bad field."""
    problems = []
    for field, source in fields.items():
        try:
            # Compiled, not only parsed: an unknown filter or test is refused too.
            parsing_environment(field == "html").compile(source)
        except TemplateSyntaxError as error:
            problems.append({"field": field, "message": f"line {error.lineno}: {error.message}"})
    if problems:
        raise InvalidTemplate(details=problems)
