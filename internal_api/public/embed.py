"""The embeddable script of a public form (`GET /v1/forms/public/{form_id}/embed.js`) and its
iframe page (`.../frame`), rendered from the form's public definition.

`render_embed_script(definition)` is the static `embed.js` with the definition put in as JSON,
escaped so that no text of the form (a label holding `</script>`, U+2028) can end the script
or the string it is in, wherever the script is inlined. `script_response` answers it with an
ETag of its content and `Cache-Control: public, max-age=...`, and 304 to a matching
If-None-Match, so a page's visitors fetch it once per change.

What the script does: draws the form next to its script tag, step by step; fills hidden fields
from the page's query string (UTM parameters); fetches a render stamp when drawn; draws the
hCaptcha or Turnstile widget when the form uses one; and posts JSON to
`/v1/forms/public/{form_id}/submissions` with an `Idempotency-Key` header (the submission id,
kept across retries):

    {"submission_id": "<uuid>", "render_stamp": "<stamp>", "captcha_token": "<token or ''>",
     "fields": {"<key>": value, ..., "<honeypot_field>": ""},
     "page": {"url": "<the page's URL>", "referrer": "<document.referrer>"}}

A 2xx shows the thank-you message (or goes to `redirect_url`); an error shows its message and,
next to each field its `details` name (`body.fields.email`), theirs.
"""

import hashlib
import html
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from fastapi import Request, Response
from pydantic import AnyHttpUrl, BaseModel, Field

from internal_api.public.captcha import LOCAL_PASS_TOKEN, CaptchaProvider

SCRIPT_TEMPLATE = Path(__file__).with_name("embed.js")
CONFIG_PLACEHOLDER = "__FORM_CONFIG__"
# JSON leaves these as they are; in a script they could end it (`</script>`, `<!--`) or, in
# older engines, a string literal (the two line separators).
SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


class FieldOption(BaseModel):
    value: str
    label: str


class PublicField(BaseModel):
    key: str
    # text, email, phone, number, date, textarea, select, multi_select, checkbox, consent,
    # hidden; an unknown kind is drawn as text.
    kind: str
    label: str = ""
    required: bool = False
    options: list[FieldOption] = []
    placeholder: str = ""
    value: str = ""  # a hidden field's value when the page's query string has none


class PublicStep(BaseModel):
    title: str = ""
    fields: list[PublicField]


class PublicCaptcha(BaseModel):
    provider: CaptchaProvider
    site_key: str  # Captchas.site_key(provider)


class PublicFormDefinition(BaseModel):
    """What a page needs to draw and send a form, and nothing private (no recipients, no
    mappings, no secrets)."""

    id: str
    name: str = ""
    steps: list[PublicStep] = Field(min_length=1)
    submit_label: str = "Submit"
    honeypot_field: str
    captcha: PublicCaptcha | None = None
    thank_you_message: str = "Thank you!"
    redirect_url: AnyHttpUrl | None = None  # shown instead of the thank-you message


@cache
def script_template() -> str:
    return SCRIPT_TEMPLATE.read_text()


def script_json(value: object) -> str:
    """JSON that is safe anywhere in a script, inlined in HTML included."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)


def render_embed_script(definition: PublicFormDefinition, api_base_url: str = "") -> str:
    """The form's embed script. `api_base_url` is where it posts (`https://api.example.com`);
    empty: the origin the script itself was loaded from."""
    config = {
        "form": definition.model_dump(mode="json"),
        "api": api_base_url.rstrip("/"),
        "local_captcha_token": LOCAL_PASS_TOKEN,
    }
    return script_template().replace(CONFIG_PLACEHOLDER, script_json(config))


def render_frame_page(definition: PublicFormDefinition, api_base_url: str = "") -> str:
    """A page holding only the form, for an `<iframe src=".../frame">` snippet."""
    script = render_embed_script(definition, api_base_url)
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(definition.name or 'Form')}</title></head>"
        f"<body><script>\n{script}</script></body></html>\n"
    )


def cached_response(request: Request, content: str, media_type: str, max_age: int) -> Response:
    """`content` with an ETag and Cache-Control, or 304 when the client holds it already."""
    etag = f'"{hashlib.sha256(content.encode()).hexdigest()[:32]}"'
    headers = {
        "etag": etag,
        "cache-control": f"public, max-age={max_age}",
        "x-content-type-options": "nosniff",
    }
    if etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(content, media_type=media_type, headers=headers)


def script_response(request: Request, script: str, max_age: int) -> Response:
    return cached_response(request, script, "text/javascript; charset=utf-8", max_age)


def frame_response(
    request: Request, page: str, max_age: int, allowed_origins: Sequence[str]
) -> Response:
    """The iframe page, which only `allowed_origins` (any website when empty) may frame."""
    response = cached_response(request, page, "text/html; charset=utf-8", max_age)
    ancestors = " ".join(allowed_origins) or "*"
    response.headers["content-security-policy"] = f"frame-ancestors {ancestors}"
    return response
