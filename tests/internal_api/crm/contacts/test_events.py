"""Contacts publish platform events for webhooks when they are created, changed and deleted,
with the contact as the API shows it and what changed."""

import pytest

from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import CONTACTS, create_contact, patch_contact
from tests.internal_api.webhooks.queued import events_published


@pytest.fixture(autouse=True)
async def no_earlier_events(redis):
    await redis.delete("hooks")
    yield
    await redis.delete("hooks")


def by_type(events: list[dict]) -> dict[str, dict]:
    # Each request's outbox leaves after its answer: two requests' events may arrive in any order.
    return {event["type"]: event for event in events}


async def test_creating_a_contact_publishes_contact_created(api, redis):
    owner = await create_signed_in()

    contact = await create_contact(api, owner, first_name="Grace")

    [event] = await events_published(redis, 1)
    assert (event["type"], event["account_id"]) == ("contact.created", str(owner.account.id))
    assert event["data"]["contact"]["id"] == contact["id"]
    assert event["data"]["contact"]["first_name"] == "Grace"
    assert event["id"].startswith("evt_")


async def test_changing_a_contact_publishes_contact_updated_with_the_changes(api, redis):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, first_name="Grace")

    await patch_contact(api, owner, contact["id"], first_name="Ada")

    updated = by_type(await events_published(redis, 2))["contact.updated"]
    assert {"field": "first_name", "old": "Grace", "new": "Ada"} in updated["data"]["changes"]


async def test_deleting_a_contact_publishes_contact_deleted(api, redis):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)

    await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)

    deleted = by_type(await events_published(redis, 2))["contact.deleted"]
    assert deleted["data"]["contact"]["id"] == contact["id"]


async def test_a_refused_change_publishes_nothing(api, redis):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)

    refused = await patch_contact(api, owner, contact["id"], emails=["not an email"])
    await create_contact(api, owner, first_name="Marker")

    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "validation_error"
    types = [event["type"] for event in await events_published(redis, 2)]
    assert types == ["contact.created", "contact.created"]
