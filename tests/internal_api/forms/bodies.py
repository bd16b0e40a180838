"""Form definitions as the builder sends them, and submissions as pages send them."""

import time

from internal_api.public.layer import stamp_key
from internal_api.public.spam import RenderStamps
from internal_api.settings import InternalApiSettings

FORMS = "/v1/forms"


def field(key: str, kind: str = "text", **overrides) -> dict:
    return {"key": key, "kind": kind, "label": key.title(), **overrides}


def contact_fields() -> list[dict]:
    return [
        field("name", maps_to="full_name", required=True),
        field("email", "email", maps_to="emails", required=True),
        field("plan", "select", options=["basic", "pro"]),
    ]


def form_body(*fields: dict, **overrides) -> dict:
    steps = [{"title": "You", "fields": list(fields) or contact_fields()}]
    return {"name": "Contact us", "steps": steps, **overrides}


async def build(api, signed_in, *fields: dict, **overrides):
    return await api.post(FORMS, json=form_body(*fields, **overrides), headers=signed_in.headers)


def public(form_id: str) -> str:
    return f"{FORMS}/public/{form_id}"


def old_stamp(form_id: str, seconds_ago: float = 60) -> str:
    """A render stamp of the form, as if its page had drawn it `seconds_ago`."""
    stamps = RenderStamps(
        stamp_key(InternalApiSettings()), 0, 3600, clock=lambda: time.time() - seconds_ago
    )
    return stamps.issue(form_id)


def sent(answers: dict, form_id: str, **extra) -> dict:
    """A submission as the embed script posts it, drawn a minute ago."""
    return {"fields": answers, "render_stamp": old_stamp(form_id), **extra}
