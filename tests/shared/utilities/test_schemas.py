"""The request and answer bases: whatever a WriteModel takes can be stored as sent; a ReadModel
shapes a document from its attributes."""

from typing import Any

import pytest
from bson import ObjectId
from pydantic import ValidationError

from shared.utilities.schemas import MAX_DEPTH, DocumentRead, IdStr, ReadModel, WriteModel


class NoteCreate(WriteModel):
    title: str
    position: int = 0
    metadata: dict[str, Any] = {}


def refusal(**body: Any) -> tuple[str, str]:
    with pytest.raises(ValidationError) as raised:
        NoteCreate(**body)
    (error,) = raised.value.errors()
    return ".".join(str(part) for part in error["loc"]), error["msg"]


def nested(depth: int) -> dict[str, Any]:
    """Objects inside objects, `depth` of them."""
    value: dict[str, Any] = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def test_an_unknown_field_is_refused_naming_it():
    assert refusal(title="Call back", fist_name="Ada") == (
        "fist_name",
        "Extra inputs are not permitted",
    )


@pytest.mark.parametrize("text", ["nul\x00", "bell\x07", "del\x7f", "lone \ud800 surrogate"])
def test_text_with_a_control_character_or_a_lone_surrogate_is_refused(text):
    assert refusal(title=text) == ("title", "Value error, must not contain control characters")


def test_tabs_and_line_breaks_are_text():
    assert NoteCreate(title="first\tsecond\r\nthird").title == "first\tsecond\r\nthird"


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 10**18 * 100])
def test_an_integer_past_int64_is_refused(number):
    assert refusal(title="x", position=number) == (
        "position",
        "Value error, is out of range (64-bit integers)",
    )


def test_the_int64_edges_are_taken():
    assert NoteCreate(title="x", position=2**63 - 1).position == 2**63 - 1


def test_a_control_character_deep_in_free_form_json_is_refused():
    assert refusal(title="x", metadata={"notes": [{"text": "a\x00b"}]}) == (
        "metadata",
        "Value error, must not contain control characters",
    )


def test_free_form_json_nested_past_the_cap_is_refused():
    assert refusal(title="x", metadata=nested(MAX_DEPTH + 1)) == (
        "metadata",
        f"Value error, is nested more than {MAX_DEPTH} levels deep",
    )


def test_free_form_json_nested_to_the_cap_is_taken():
    assert NoteCreate(title="x", metadata=nested(MAX_DEPTH)).metadata == nested(MAX_DEPTH)


class Stored:
    """Stands for a document: answers are read from attributes, properties included."""

    def __init__(self) -> None:
        self.id = ObjectId("65f0c0ffee0000000000beef")
        self.owner_id = ObjectId("65f0c0ffee0000000000cafe")
        self.created_at = self.updated_at = "2026-12-02T10:00:00Z"
        self.password_hash = "not for answers"

    @property
    def display_name(self) -> str:
        return "Ada Lovelace"


class ContactRead(DocumentRead):
    display_name: str
    owner_id: IdStr | None


def test_a_read_model_shapes_a_document_from_its_attributes_and_ids_as_strings():
    answer = ContactRead.model_validate(Stored()).model_dump(mode="json")

    assert answer == {
        "id": "65f0c0ffee0000000000beef",
        "created_at": "2026-12-02T10:00:00Z",
        "updated_at": "2026-12-02T10:00:00Z",
        "display_name": "Ada Lovelace",
        "owner_id": "65f0c0ffee0000000000cafe",
    }


def test_a_read_model_shows_only_the_fields_it_lists():
    class Minimal(ReadModel):
        display_name: str

    assert Minimal.model_validate(Stored()).model_dump() == {"display_name": "Ada Lovelace"}
