"""The `html` block's markup, sanitised with nh3 (the Ammonia sanitiser) when it is stored and
again when it is rendered, so a page never carries script from its author to its visitors.

Kept: text-level and structural tags (headings, paragraphs, lists, tables, quotes, links,
images), with only the attributes listed below; links and images on http(s) only (links also
mailto and tel), opened with `rel="noopener noreferrer nofollow"`. Dropped: `script`, `style`,
`svg`, `math`, `iframe`, `object`, forms and their content, every event handler (`onerror`),
`style` attributes (CSS can carry URLs and overlay the page), comments, and any URL with
another scheme (`javascript:`, `data:`, `vbscript:`) however it is spelled or encoded.
"""

import nh3

TAGS = {
    *("p", "br", "hr", "span", "div", "strong", "b", "em", "i", "u", "s", "small", "sub", "sup"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "ul", "ol", "li"),
    *("table", "thead", "tbody", "tr", "th", "td", "caption", "a", "img", "figure"),
    "figcaption",
}
ATTRIBUTES = {
    "*": {"class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Dropped with everything inside them (their text would be code, not content).
DROPPED_WITH_CONTENT = {"script", "style", "svg", "math", "iframe", "object", "template"}


def sanitised_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
