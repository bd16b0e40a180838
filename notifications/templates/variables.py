"""The variables a template asks its sender for, read from its sources.

Every name a template reads that it does not set itself is the sender's to give in `data`,
except what the platform provides (`brand`, `unsubscribe_url`). It is required unless the
template tests it (`{% if discount is defined %}`) or gives it a default
(`{{ greeting|default("Hello") }}`), which makes it optional.
"""

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import TemplateSyntaxError, meta, nodes

from notifications.templates.sandbox import parsing_environment

PROVIDED = frozenset({"brand", "unsubscribe_url"})
# Names Jinja2 gives inside loops, macros and calls.
JINJA_NAMES = frozenset({"loop", "self", "varargs", "kwargs", "caller"})
OPTIONAL_TESTS = frozenset({"defined", "undefined"})
OPTIONAL_FILTERS = frozenset({"default", "d"})


@dataclass(frozen=True)
class Variables:
    required: tuple[str, ...]
    optional: tuple[str, ...]


@lru_cache(maxsize=512)
def variables_of(*sources: str) -> Variables:
    """What the sources (a template's subject, text, html) read; a source that does not parse
    reads nothing (saving refuses it, so only a stored template made before could)."""
    read: set[str] = set()
    optional: set[str] = set()
    for source in sources:
        try:
            tree = parsing_environment(html=False).parse(source)
            read |= meta.find_undeclared_variables(tree)
        except TemplateSyntaxError:  # an unknown filter too
            continue
        optional |= names_made_optional(tree)
    read -= PROVIDED | JINJA_NAMES | set(parsing_environment(html=False).globals)
    return Variables(
        required=tuple(sorted(read - optional)), optional=tuple(sorted(read & optional))
    )


def names_made_optional(tree: nodes.Template) -> set[str]:
    tested = (
        test.node.name
        for test in tree.find_all(nodes.Test)
        if test.name in OPTIONAL_TESTS and isinstance(test.node, nodes.Name)
    )
    defaulted = (
        found.node.name
        for found in tree.find_all(nodes.Filter)
        if found.name in OPTIONAL_FILTERS and isinstance(found.node, nodes.Name)
    )
    return {*tested, *defaulted}
