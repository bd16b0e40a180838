"""Requests the contact tests share: the API as the dashboard calls it."""

import httpx

from tests.factories import SignedIn

CONTACTS = "/v1/crm/contacts"


async def post_contact(api: httpx.AsyncClient, who: SignedIn, **body) -> httpx.Response:
    return await api.post(CONTACTS, json={"first_name": "Ada", **body}, headers=who.headers)


async def create_contact(api: httpx.AsyncClient, who: SignedIn, **body) -> dict:
    """A contact created through the API (so with its search terms); its JSON."""
    response = await post_contact(api, who, **body)
    assert response.status_code == 201, response.text
    return response.json()


async def patch_contact(api: httpx.AsyncClient, who: SignedIn, contact_id, **body):
    return await api.patch(f"{CONTACTS}/{contact_id}", json=body, headers=who.headers)


async def list_contacts(api: httpx.AsyncClient, who: SignedIn, **params) -> httpx.Response:
    return await api.get(CONTACTS, params=params, headers=who.headers)


async def create_custom_field(api: httpx.AsyncClient, who: SignedIn, **body) -> dict:
    response = await api.post(
        "/v1/crm/custom-fields", json={"label": "Field", **body}, headers=who.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def error_fields(response: httpx.Response) -> set[str]:
    return {detail.get("field") for detail in response.json()["error"]["details"]}
