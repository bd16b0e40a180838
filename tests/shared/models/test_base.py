"""Base documents: timestamps that behave."""

from datetime import UTC, datetime

import pytest
from beanie import PydanticObjectId, init_beanie

from shared.models.base import TenantDocument


class Note(TenantDocument):
    text: str

    class Settings:
        name = "test_notes"


@pytest.fixture
async def notes(mongo):
    await init_beanie(database=mongo, document_models=[Note])


async def test_updated_at_equals_created_at_on_insert(notes):
    note = await Note(account_id=PydanticObjectId(), text="hi").insert()

    assert note.updated_at == note.created_at


async def test_saving_moves_updated_at_and_keeps_created_at(notes):
    past = datetime(2020, 1, 1, tzinfo=UTC)
    note = await Note(account_id=PydanticObjectId(), text="hi", created_at=past).insert()

    note.text = "hello"
    await note.save()
    stored = await Note.get(note.id)

    assert stored.created_at == past
    assert stored.updated_at > past


async def test_created_at_cannot_be_changed_once_stored(notes):
    note = await Note(account_id=PydanticObjectId(), text="hi").insert()

    with pytest.raises(AttributeError, match="created_at never changes"):
        note.created_at = datetime(2000, 1, 1, tzinfo=UTC)


async def test_timestamps_survive_a_round_trip_unchanged(notes):
    note = await Note(account_id=PydanticObjectId(), text="hi").insert()

    stored = await Note.get(note.id)

    assert (stored.created_at, stored.updated_at) == (note.created_at, note.updated_at)


async def test_tenant_documents_index_account_id(notes):
    indexes = await Note.get_motor_collection().index_information()

    assert [("account_id", 1)] in [list(index["key"]) for index in indexes.values()]
