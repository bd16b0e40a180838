"""What a template or its rendering can be refused for, each with its code.

A rendering error names the template's field at fault (`template.html`): the request that
rendered it (a send, a preview) did not write it. Saving reports it in the body (`body.html`).
"""

from collections.abc import Iterable

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class InvalidTemplate(InvalidInput):
    """A source is not valid Jinja2; `details` name each bad field."""

    code, message = "invalid_template", "The template is not valid Jinja2."


class HtmlNotForChannel(InvalidInput):
    """Only email has an HTML body."""

    code, message = "html_not_for_channel", "Only email has an HTML body."


class TemplateOverLimit(InvalidInput):
    """Rendering the template takes longer, prints more or needs more memory than allowed."""

    code = "template_over_limit"

    def __init__(self, field: str, reason: str, location: str = "template") -> None:
        self.field, self.reason = field, reason
        super().__init__(
            f"The template's {field} is over a limit: {reason}.",
            details=[{"field": field, "message": reason}],
            location=location,
        )


class TemplateNotRenderable(InvalidInput):
    """The template fails on this data (an unknown attribute, a filter given the wrong type)."""

    code = "template_not_renderable"

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(
            f"The template's {field} cannot be rendered: {reason}",
            details=[{"field": field, "message": reason}],
            location="template",
        )


class MissingVariables(InvalidInput):
    """The template needs variables the send did not give; one detail per variable."""

    code = "missing_variables"

    def __init__(self, names: Iterable[str]) -> None:
        names = list(names)
        super().__init__(
            f"The template needs {', '.join(names)}.",
            details=[
                {"field": f"data.{name}", "message": "required by the template"} for name in names
            ],
        )


class UnsafeLink(InvalidInput):
    """A variable printed as a link is not an http(s) URL (say, `javascript:`)."""

    code = "unsafe_link"

    def __init__(self, variable: str, field: str, reason: str, location: str) -> None:
        super().__init__(
            f"{variable} cannot be sent: {reason}.",
            details=[{"field": field, "message": reason}],
            location=location,
        )


class TemplateExists(Conflict):
    """The account already has its own template for this event on this channel."""

    code = "template_exists"


class TemplateNotFound(NotFound):
    """No template (of the account's or default) for this event on this channel."""

    code = "template_not_found"
