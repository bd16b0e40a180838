"""A public submission as a page sends it: JSON (`{"email": "...", "plan": ["a", "b"]}`) or
`application/x-www-form-urlencoded` (a plain HTML form), read into the answers, where the
visitor came from and the client submission id.

Attribution (`utm_*`, `referrer`, `landing_page`, `short_link`) is read from the body, else from
the query string (the page's own URL parameters passed on). The client submission id is the
`Idempotency-Key` header, else the body's `client_submission_id` field.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from json import JSONDecodeError
from typing import Any

from fastapi import Request

from shared.domain.forms.answers import RawAnswer
from shared.models.lead import Attribution
from shared.utilities.errors import DomainError, InvalidBody, InvalidInput

CLIENT_ID_FIELD = "client_submission_id"
IDEMPOTENCY_HEADER = "idempotency-key"
ATTRIBUTION_FIELDS = tuple(Attribution.model_fields)
MAX_ATTRIBUTION = 2000
FORM_TYPES = ("application/x-www-form-urlencoded",)


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
    attribution: Attribution
    client_submission_id: str | None


async def read_public_submission(request: Request) -> PublicSubmission:
    answers = await read_answers(request)
    attribution = Attribution(
        **{
            name: value[:MAX_ATTRIBUTION]
            for name in ATTRIBUTION_FIELDS
            if (value := first_text(answers.get(name)) or request.query_params.get(name))
        }
    )
    client_id = request.headers.get(IDEMPOTENCY_HEADER) or first_text(answers.get(CLIENT_ID_FIELD))
    return PublicSubmission(answers, attribution, client_id)


async def read_answers(request: Request) -> dict[str, RawAnswer]:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in FORM_TYPES:
        form = await request.form()
        answers: dict[str, list[str]] = {}
        for key, value in form.multi_items():
            if isinstance(value, str):
                answers.setdefault(key, []).append(value)
        return {key: values[0] if len(values) == 1 else values for key, values in answers.items()}
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            body = await request.json()
        except (JSONDecodeError, UnicodeDecodeError):
            raise InvalidBody() from None
        return json_answers(body)
    raise UnsupportedMediaType()


def json_answers(body: Any) -> dict[str, RawAnswer]:
    """Each answer a string or a list of strings; JSON numbers and booleans as their text."""
    if not isinstance(body, Mapping):
        raise InvalidInput(
            "Send the answers as a JSON object, by field key.",
            details=[{"field": "body", "message": "expected an object"}],
        )
    answers: dict[str, RawAnswer] = {}
    details = []
    for key, value in body.items():
        items = value if isinstance(value, list) else [value]
        if value is None:
            continue
        if not all(isinstance(item, str | int | float | bool) for item in items):
            details.append({"field": key, "message": "expected text, a number or a list of them"})
            continue
        texts = [as_text(item) for item in items]
        answers[key] = texts if isinstance(value, list) else texts[0]
    if details:
        raise InvalidInput("Some answers are not text.", details=details)
    return answers


def as_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def first_text(value: RawAnswer) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return next((item.strip() for item in value or [] if item.strip()), None)
