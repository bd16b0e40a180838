"""The e-documents requests the tests make, with bodies that pass unless told otherwise."""

from tests.edocs_factories import BODY

EDOCS = "/v1/edocs"
SIGNERS = [
    {"name": "Ada Lovelace", "email": "Ada@Example.com"},
    {"name": "Grace Hopper", "email": "grace@example.com"},
]


async def create_template(api, who, **overrides):
    body = {"name": "Proposal", "body": BODY, **overrides}
    return await api.post(f"{EDOCS}/templates", json=body, headers=who.headers)


async def create_document(api, who, template_id, contact_id, **overrides):
    body = {
        "title": "Website proposal",
        "template_id": template_id,
        "contact_id": str(contact_id),
        "line_items": [{"name": "Design", "quantity": 2, "unit_price": 150_000}],
        "signers": SIGNERS,
        **overrides,
    }
    return await api.post(f"{EDOCS}/documents", json=body, headers=who.headers)


async def sent_document(api, who, contact_id, **overrides) -> dict:
    template = (await create_template(api, who)).json()
    draft = (await create_document(api, who, template["id"], contact_id, **overrides)).json()
    response = await api.post(f"{EDOCS}/documents/{draft['id']}/send", json={}, headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()
