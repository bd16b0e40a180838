"""A public submission as a page sends it, read into the answers, the spam and captcha proofs,
where the visitor came from and the client submission id.

- JSON, as the embed script posts it (`internal_api.public.embed`):
  `{"submission_id", "render_stamp", "captcha_token", "fields": {"<key>": value, ...},
  "page": {"url", "referrer"}}`; each answer a string, a number, a boolean or a list of them.
  A bad answer is named `body.fields.<key>`.
- `application/x-www-form-urlencoded`, as a plain HTML form posts it: the answers by key beside
  `submission_id` (or `client_submission_id`), `render_stamp` and the captcha widget's own field
  (`h-captcha-response`, `cf-turnstile-response`) or `captcha_token`. A bad answer is named
  `body.<key>`.

Attribution (`utm_*`, `referrer`, `landing_page`, `short_link`) is read from the body, else
the query string, else the page's URL (its UTM parameters) and referrer. The client submission
id is the `Idempotency-Key` header, else the body's.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from json import JSONDecodeError
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import Request

from shared.domain.forms.answers import RawAnswer
from shared.models.lead import Attribution
from shared.utilities.errors import DomainError, InvalidBody, InvalidInput

CLIENT_ID_FIELDS = ("submission_id", "client_submission_id")
CAPTCHA_FIELDS = ("captcha_token", "h-captcha-response", "cf-turnstile-response")
STAMP_FIELD = "render_stamp"
IDEMPOTENCY_HEADER = "idempotency-key"
ATTRIBUTION_FIELDS = tuple(Attribution.model_fields)
MAX_TEXT = 2000


class UnsupportedMediaType(DomainError):
    """The body is neither JSON nor urlencoded."""

    status_code, code, message = (
        415,
        "unsupported_media_type",
        "Send the answers as application/json or application/x-www-form-urlencoded.",
    )


@dataclass(frozen=True)
class PublicSubmission:
    answers: dict[str, RawAnswer]
    answers_at: str  # where the answers are in the body ("fields", or "" at its top)
    attribution: Attribution
    client_submission_id: str | None
    render_stamp: str
    captcha_token: str


async def read_public_submission(request: Request) -> PublicSubmission:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body: Mapping[str, Any]
    page: Mapping[str, Any] = {}
    if media_type == "application/x-www-form-urlencoded":
        answers, answers_at = await urlencoded(request), ""
        body = answers
    elif media_type == "application/json" or media_type.endswith("+json"):
        body = await json_body(request)
        answers, answers_at = texts(body.get("fields", {}), "fields"), "fields"
        if isinstance(body.get("page"), Mapping):
            page = body["page"]
    else:
        raise UnsupportedMediaType()
    header_id = request.headers.get(IDEMPOTENCY_HEADER)
    return PublicSubmission(
        answers=answers,
        answers_at=answers_at,
        attribution=attribution(body, request.query_params, page),
        client_submission_id=header_id or first_of(body, CLIENT_ID_FIELDS),
        render_stamp=first_of(body, (STAMP_FIELD,)) or "",
        captcha_token=first_of(body, CAPTCHA_FIELDS) or "",
    )


async def urlencoded(request: Request) -> dict[str, RawAnswer]:
    form = await request.form()
    values: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            values.setdefault(key, []).append(value)
    return {key: items[0] if len(items) == 1 else items for key, items in values.items()}


async def json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except (JSONDecodeError, UnicodeDecodeError):
        raise InvalidBody() from None
    if not isinstance(body, Mapping):
        raise refused("body", "expected an object")
    return dict(body)


def texts(fields: Any, at: str) -> dict[str, RawAnswer]:
    """Each answer a string or a list of strings; JSON numbers and booleans as their text."""
    if not isinstance(fields, Mapping):
        raise refused(at, "expected an object of answers by field key")
    answers: dict[str, RawAnswer] = {}
    details = []
    for key, value in fields.items():
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str | int | float | bool | None) for item in items):
            details.append({"field": f"{at}.{key}", "message": "expected text or a number"})
            continue
        strings = [as_text(item) for item in items if item is not None]
        answers[key] = strings if isinstance(value, list) else next(iter(strings), None)
    if details:
        raise InvalidInput("Some answers are not text.", details=details)
    return answers


def as_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def attribution(
    body: Mapping[str, Any], query: Mapping[str, str], page: Mapping[str, Any]
) -> Attribution:
    page_url = page.get("url") if isinstance(page.get("url"), str) else ""
    page_query = {name: values[0] for name, values in parse_qs(urlsplit(page_url).query).items()}
    known = {"landing_page": page_url, "referrer": page.get("referrer")}
    found = {}
    for name in ATTRIBUTION_FIELDS:
        for source in (body, query, page_query, known):
            if text := first_of(source, (name,)):
                found[name] = text[:MAX_TEXT]
                break
    return Attribution(**found)


def first_of(source: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-empty text under one of `names`."""
    for name in names:
        value = source.get(name)
        items = value if isinstance(value, list) else [value]
        stripped = (item.strip() for item in items if isinstance(item, str))
        if text := next((text for text in stripped if text), None):
            return text
    return None


def refused(field: str, message: str) -> InvalidInput:
    return InvalidInput(
        f"The body cannot be read: {message}.", details=[{"field": field, "message": message}]
    )
