"""Templates' bodies: sanitised HTML (nh3) with Jinja2 merge fields, rendered in a sandbox.

A body is stored sanitised (`sanitised_body`): only harmless tags and attributes, inline styles
limited to a few properties. Its merge fields are the namespaces of `MERGE_FIELDS`
(`{{ contact.name }}`, `{{ deal.value }}`, `{{ account.name }}`) and the document's own
`{{ document.title }}`, `{{ line_items }}` (a table of the items with quantities, unit prices
and totals) and `{{ total }}`; money is printed from its minor units and currency
(`1,234.50 USD`). Statements work too (`{% if deal.title %}`).

Rendering runs in Jinja2's sandboxed environment with autoescape, so a contact's name holding
HTML prints as text and a template cannot reach Python's internals; its output is sanitised
again, so nothing a template does (`|safe`) brings a script in. Any name outside the merge
fields (`{{ contact.nickname }}`) is refused with UnknownMergeFields naming each one.
"""

import html
import re
from collections.abc import Mapping
from typing import Any

import nh3
from iso4217 import Currency
from jinja2 import TemplateError, Undefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from shared.domain.edocs.errors import InvalidTemplate, UnknownMergeFields
from shared.models.edocs_document import LineItem

# The merge fields of each namespace: what `{{ namespace.field }}` may name.
MERGE_FIELDS: dict[str, tuple[str, ...]] = {
    "contact": ("name", "first_name", "last_name", "email", "phone", "company"),
    "deal": ("title", "value", "currency"),
    "account": ("name",),
    "document": ("title",),
}
# Fields of the document itself, at the top level.
TOP_LEVEL_FIELDS = ("line_items", "total")
STYLE_PROPERTIES = {
    "color",
    "background-color",
    "font-size",
    "font-style",
    "font-weight",
    "text-align",
    "text-decoration",
    "width",
    "border",
    "padding",
    "margin",
}
# Merge syntax, whose text the sanitiser escaped (`>` became `&gt;`): Jinja reads it unescaped.
MERGE_SYNTAX = re.compile(r"{[{%].*?[}%]}", re.DOTALL)


# nh3's defaults (no script, no event handler, safe URL schemes), with table footers and
# inline styles of STYLE_PROPERTIES on any tag.
TAGS = nh3.ALLOWED_TAGS | {"tfoot"}
ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "*": {"style"}}


def sanitised(markup: str) -> str:
    return nh3.clean(
        markup, tags=TAGS, attributes=ATTRIBUTES, filter_style_properties=STYLE_PROPERTIES
    )


def sanitised_body(body: str) -> str:
    """A template's body as stored: sanitised, its merge syntax left readable to Jinja (the
    rendered output is sanitised again)."""
    return MERGE_SYNTAX.sub(lambda found: html.unescape(found[0]), sanitised(body))


class Namespace(dict):
    """The fields of one namespace (`contact`), named so an unknown field reads
    `contact.nickname`."""

    def __init__(self, name: str, fields: Mapping[str, Any]) -> None:
        super().__init__(fields)
        # Underscored: the sandbox keeps templates from reading it.
        self._namespace = name


def money(minor_units: int, currency: str) -> str:
    """`123450, "USD"` → `1,234.50 USD`; `1234, "JPY"` → `1,234 JPY`."""
    exponent = Currency(currency).exponent or 0
    sign = "-" if minor_units < 0 else ""
    major, minor = divmod(abs(minor_units), 10**exponent)
    fraction = f".{minor:0{exponent}d}" if exponent else ""
    return f"{sign}{major:,}{fraction} {currency}"


def line_items_table(items: list[LineItem], currency: str) -> Markup:
    """The items as a table: each with its quantity, unit price and total, then the total."""
    rows = "".join(
        Markup("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            item.name, item.quantity, money(item.unit_price, currency), money(item.total, currency)
        )
        for item in items
    )
    total = money(sum(item.total for item in items), currency)
    return Markup(
        '<table class="line-items"><thead><tr><th>Item</th><th>Quantity</th>'
        "<th>Unit price</th><th>Total</th></tr></thead><tbody>{}</tbody><tfoot><tr>"
        '<td colspan="3">Total</td><td>{}</td></tr></tfoot></table>'
    ).format(Markup(rows), total)


def render(body: str, fields: Mapping[str, Any]) -> str:
    """The body with its merge fields filled from `fields` (namespaces of `Namespace`, and the
    top-level fields), sanitised; raises UnknownMergeFields or InvalidTemplate."""
    unknown: list[str] = []

    class Recording(Undefined):
        """Whatever the template names that `fields` does not hold."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            prefix = getattr(self._undefined_obj, "_namespace", None)
            name = self._undefined_name
            unknown.append(f"{prefix}.{name}" if prefix else str(name))

    environment = SandboxedEnvironment(autoescape=True, undefined=Recording)
    try:
        output = environment.from_string(body).render(fields)
    except TemplateError as error:
        raise InvalidTemplate(
            f"The template cannot be rendered: {error.message or error}.",
            details=[{"field": "body", "message": str(error.message or error)}],
        ) from None
    if unknown:
        names = list(dict.fromkeys(unknown))
        raise UnknownMergeFields(
            f"Unknown merge fields: {', '.join(names)}.",
            details=[{"field": "body", "merge_field": name} for name in names],
        )
    return sanitised(output)


def sample_fields() -> dict[str, Any]:
    """Every merge field, with a stand-in value: what a template is checked against."""
    sample_items = [LineItem(name="Item", quantity=1, unit_price=100)]
    return {
        **{
            name: Namespace(name, {field: f"[{name}.{field}]" for field in names})
            for name, names in MERGE_FIELDS.items()
        },
        "line_items": line_items_table(sample_items, "USD"),
        "total": money(100, "USD"),
    }


def check_body(body: str) -> None:
    """Raises UnknownMergeFields or InvalidTemplate unless the body renders."""
    render(body, sample_fields())
