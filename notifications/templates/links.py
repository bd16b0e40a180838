"""Links in HTML email: a variable that starts a URL attribute must print an http(s) URL.

Senders' data comes from anyone (a lead's website, typed into a public form), so
`<a href="{{ website }}">` must not become `javascript:...` or `data:...`. `LinkCheck` reads the
template as Jinja2 tokenises it and wraps each variable printed at the start of a URL attribute's
value in the `link_url` filter, which refuses anything but an http(s) URL. A variable after
literal text (`href="https://site.test/{{ path }}"`) is left alone: the literal fixes the scheme.
Block tags are transparent to the check, so a value starting in either branch of an `if` is
checked.
"""

import re
from collections.abc import Iterator
from typing import Any

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "background", "poster", "cite")
# What the template printed so far ends in a URL attribute's opening: its name, `=`, a quote
# perhaps, then only whitespace and other printed variables (PRINTED marks each).
PRINTED = "\x00"
OPEN_URL_ATTRIBUTE = re.compile(
    rf"\b({'|'.join(URL_ATTRIBUTES)})\s*=\s*[\"']?[\s{PRINTED}]*\Z", re.IGNORECASE
)
# An attribute's opening is short; the check looks at this much of what precedes a variable.
LOOK_BACK = 1000
HTTP_URL = re.compile(r"https?://[^\x00-\x20\x7f\"'<>`\\]+", re.IGNORECASE)


class UnsafeLink(Exception):
    def __init__(self, variable: str, attribute: str) -> None:
        self.variable = variable
        self.attribute = attribute
        super().__init__(f"it is printed as a link ({attribute}) and must be an http(s) URL")


def link_url(value: Any, variable: str, attribute: str) -> str:
    """The value as a link; refused unless it is an http(s) URL with nothing that could end the
    attribute. A plain string, so autoescaping applies to it whatever it was marked."""
    if not isinstance(value, str) or not HTTP_URL.fullmatch(value):
        raise UnsafeLink(variable, attribute)
    return str(value)


class LinkCheck(Extension):
    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        printed = ""
        tokens = iter(stream)
        for token in tokens:
            if token.type == "data":
                printed = (printed + token.value)[-LOOK_BACK:]
                yield token
            elif token.type == "variable_begin":
                expression, end = expression_until_end(tokens)
                opening = OPEN_URL_ATTRIBUTE.search(printed)
                if opening:
                    yield from checked(token, expression, end, opening.group(1).lower())
                else:
                    yield token
                    yield from expression
                    yield end
                printed += PRINTED
            else:
                yield token


def expression_until_end(tokens: Iterator[Token]) -> tuple[list[Token], Token]:
    expression: list[Token] = []
    for token in tokens:
        if token.type == "variable_end":
            return expression, token
        expression.append(token)
    raise AssertionError("the lexer closes every variable")


def checked(begin: Token, expression: list[Token], end: Token, attribute: str) -> Iterator[Token]:
    """`{{ (expression)|link_url("expression", "attribute") }}`"""
    line = begin.lineno
    label = "".join(str(token.value) for token in expression if token.type != "whitespace")
    yield begin
    yield Token(line, "lparen", "(")
    yield from expression
    yield Token(line, "rparen", ")")
    yield Token(line, "pipe", "|")
    yield Token(line, "name", "link_url")
    yield Token(line, "lparen", "(")
    yield Token(line, "string", label[:80])
    yield Token(line, "comma", ",")
    yield Token(line, "string", attribute)
    yield Token(line, "rparen", ")")
    yield end
