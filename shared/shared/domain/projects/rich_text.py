"""A task's description as rich text: HTML from the dashboard's editor, sanitised with nh3
(the Ammonia sanitiser) before it is stored, so whatever a page renders is safe to render.

Kept: paragraphs and line breaks, bold, italic, underline, strike-through, headings h1-h3,
lists, quotes, code, and links (http, https and mailto only, opened with
`rel="noopener noreferrer nofollow"`). Everything else is dropped: scripts and styles with
their content, other tags keeping their text, every other attribute, comments.
"""

import nh3

TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitised(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    ).strip()
