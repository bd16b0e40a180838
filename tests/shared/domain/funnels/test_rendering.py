"""A published page rendered on the server: every block type, every text escaped, and the HTML
block's markup sanitised whatever the author tries."""

from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from shared.domain.funnels.rendering import PageLinks, render_page
from shared.domain.funnels.sanitising import sanitised_html
from tests.funnel_factories import blocks

FORM_ID = "665f1f77bcf86cd799439011"


def page(*raw: dict, title: str = "Offer") -> SimpleNamespace:
    return SimpleNamespace(title=title, description="", blocks=blocks(*raw))


def body_of(html: str) -> str:
    return html.split("<body>", 1)[1]


def test_every_block_type_renders():
    tree = {
        "type": "section",
        "background": "muted",
        "anchor": "top",
        "children": [
            {"type": "heading", "text": "Free guide", "level": 1},
            {
                "type": "columns",
                "columns": [
                    {"width": 8, "children": [{"type": "text", "text": "One\ntwo\n\nThree"}]},
                    {"width": 4, "children": [{"type": "form", "form_id": FORM_ID}]},
                ],
            },
            {"type": "image", "src": "https://cdn.example.com/a.png", "alt": "A guide"},
            {"type": "button", "label": "Next", "next_step": True},
            {"type": "button", "label": "Call", "href": "tel:+15550100", "style": "secondary"},
            {"type": "button", "label": "Prices", "to_step": "pricing"},
            {"type": "video", "provider": "vimeo", "video_id": "76979871"},
            {"type": "html", "html": "<p><strong>Bold</strong> claim</p>"},
        ],
    }

    links = PageLinks(next_step="/v1/public/pages/f/step-2", steps_base="/v1/public/pages/f/")
    html = body_of(render_page(page(tree), links))

    assert '<section class="section section-muted" id="top">' in html
    assert "<h1>Free guide</h1>" in html
    assert '<div class="column" style="flex-grow:8"><p>One<br>two</p><p>Three</p></div>' in html
    assert f'data-platform-form="{FORM_ID}"' in html
    assert f'src="/v1/forms/public/{FORM_ID}/embed.js"' in html
    assert '<img src="https://cdn.example.com/a.png" alt="A guide"' in html
    assert '<a class="button button-primary" href="/v1/public/pages/f/step-2">Next</a>' in html
    assert 'href="tel:+15550100">Call</a>' in html
    assert 'href="/v1/public/pages/f/pricing">Prices</a>' in html
    assert 'src="https://player.vimeo.com/video/76979871"' in html
    assert "<p><strong>Bold</strong> claim</p>" in html


def test_text_and_attributes_are_escaped():
    html = render_page(
        page(
            {"type": "heading", "text": "<script>alert(1)</script>"},
            {"type": "image", "src": "https://x.example/a.png", "alt": '" onerror="alert(1)'},
            title="</title><script>alert(1)</script>",
        )
    )

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'alt="&#34; onerror=&#34;alert(1)"' in html


def test_a_next_step_button_on_the_last_step_leads_nowhere():
    html = render_page(page({"type": "button", "label": "Next", "next_step": True}))

    assert 'href="#"' in html


BYPASS_ATTEMPTS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="position:fixed;inset:0">overlay</div>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    "<!--<script>alert(1)</script>-->",
    '<form action="https://evil.example"><input name=p></form>',
    "<scr<script>ipt>alert(1)</script>",
    '<body onload="alert(1)">',
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
]


@pytest.mark.parametrize("attempt", BYPASS_ATTEMPTS)
def test_the_html_block_carries_no_script_whatever_is_tried(attempt):
    html = body_of(render_page(page({"type": "html", "html": attempt})))
    lowered = html.lower()

    for sign in ("<script", "javascript:", "vbscript:", "data:text", "onerror", "onload"):
        assert sign not in lowered
    for sign in ("onclick", "<svg", "<style", "style=", "<iframe", "<object", "<form", "<math"):
        assert sign not in lowered


def test_sanitising_keeps_safe_markup_and_makes_links_safe():
    cleaned = sanitised_html(
        '<h2>Title</h2><a href="https://ok.example">ok</a>'
        '<img src="https://i.example/a.png" alt="a">'
    )

    assert cleaned == (
        '<h2>Title</h2><a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>'
        '<img src="https://i.example/a.png" alt="a">'
    )


@pytest.mark.parametrize(
    "block",
    [
        {"type": "image", "src": "javascript:alert(1)"},
        {"type": "image", "src": "data:image/png;base64,AAAA"},
        {"type": "image", "src": "//evil.example/a.png"},
        {"type": "button", "label": "x", "href": "javascript:alert(1)"},
        {"type": "button", "label": "x", "href": "/\\evil.example"},
        {"type": "video", "provider": "youtube", "video_id": 'x" onload="alert(1)'},
        {"type": "script", "code": "alert(1)"},
    ],
)
def test_a_block_with_an_unsafe_address_or_an_unknown_type_is_refused(block):
    with pytest.raises(ValidationError):
        blocks(block)
