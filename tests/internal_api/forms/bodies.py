"""Form definitions as the builder sends them."""

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
