"""The Jinja2 sandbox account-written templates run in, with bounds on what one expression makes.

Jinja2's `SandboxedEnvironment` keeps templates away from Python's internals; this subclass also
keeps one expression from building something huge: repeating a string or list (`*`) past the
output limit, multiplying or raising integers (`*`, `**`) past `MAX_INTEGER_BITS`, or a `range`
longer than `MAX_RANGE`. What a whole template may take (time, memory) is bounded by the process
it runs in (`render_worker`); these bounds turn the common cases into a clear message first.

HTML is autoescaped, and a variable printed at the start of a URL attribute (`href="{{ url }}"`)
must be an http(s) URL (`links`). Dates print in the account's time zone (`dates`).
"""

import operator
from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import DictLoader, StrictUndefined
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from notifications.templates.dates import format_date, format_datetime
from notifications.templates.layout import LAYOUT_HTML
from notifications.templates.links import LinkCheck, link_url

# Far past what a notification needs, and small enough that a few nested loops stay quick.
MAX_RANGE = 10_000
# 2**10_000 has 3,011 digits: more than any notification prints.
MAX_INTEGER_BITS = 10_000


class LimitExceeded(Exception):
    """The template asked for more than a template may make."""


def repeat_length(left: Any, right: Any) -> int | None:
    """The length `left * right` would have, when it repeats a string or a list."""
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            return len(sequence) * max(times, 0)
    return None


def integer_bits(left: Any, right: Any, operation: str) -> int:
    """About how many bits the integer result of `left * right` or `left ** right` has."""
    if not (isinstance(left, int) and isinstance(right, int)):
        return 0
    if operation == "*":
        return left.bit_length() + right.bit_length()
    if abs(left) <= 1 or right <= 0:
        return 1
    return left.bit_length() * right


class BoundedSandbox(SandboxedEnvironment):
    """A sandbox whose `*`, `**` and `range` stay within `output_limit` and the bounds above."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, output_limit: int, **options: Any) -> None:
        super().__init__(**options)
        self.output_limit = output_limit
        self.globals["range"] = self.bounded_range
        # It writes paragraphs of filler text on demand: nothing a notification needs.
        self.globals.pop("lipsum", None)

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        length = repeat_length(left, right) if operator_name == "*" else None
        if length is not None and length > self.output_limit:
            raise LimitExceeded(
                f"a repetition (*) makes {length:,} characters or items; "
                f"a template makes at most {self.output_limit:,}"
            )
        if integer_bits(left, right, operator_name) > MAX_INTEGER_BITS:
            raise LimitExceeded(f"{left} {operator_name} {right} is too large a number")
        return BINARY_OPERATORS[operator_name](left, right)

    @staticmethod
    def bounded_range(*arguments: int) -> range:
        numbers = range(*arguments)
        if len(numbers) > MAX_RANGE:
            raise LimitExceeded(f"a range has at most {MAX_RANGE:,} numbers, not {len(numbers):,}")
        return numbers


BINARY_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {"*": operator.mul, "**": operator.pow}


def bounded_environment(html: bool, output_limit: int) -> BoundedSandbox:
    """Subjects, text and SMS are printed as they are; HTML escapes every variable and checks
    the links variables print."""
    environment = BoundedSandbox(
        output_limit,
        loader=DictLoader({"layout.html": LAYOUT_HTML}),
        autoescape=html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        extensions=[LinkCheck] if html else [],
    )
    environment.filters.update({"date": format_date, "datetime": format_datetime})
    environment.filters["link_url"] = link_url
    return environment


@cache
def parsing_environment(html: bool) -> BoundedSandbox:
    """Reads and compiles sources as the render workers do (their filters and link check
    included), in the service's own process; never renders."""
    return bounded_environment(html, output_limit=0)
