"""The list filter syntax: `field:operator:value` parsed, and conditions as MongoDB filters."""

from datetime import UTC, datetime

import pytest

from internal_api.crm.query import IN_THE_BODY, IN_THE_QUERY, Filterable, Kind, mongo_filter, parse
from shared.models.filter import FilterCondition
from shared.utilities.errors import InvalidInput

FIELDS = {
    "tags": Filterable(Kind.TEXT, "tags"),
    "created_at": Filterable(Kind.DATETIME, "created_at"),
    "custom.seats": Filterable(Kind.NUMBER, "custom_values", "seats"),
}


def test_a_value_may_hold_colons():
    condition = parse("website:contains:https://acme")

    assert (condition.field, condition.operator, condition.value) == (
        "website",
        "contains",
        "https://acme",
    )


def test_in_takes_a_comma_separated_list():
    assert parse("tags:in:vip,lead").value == ["vip", "lead"]


def test_exists_alone_means_exists_true():
    assert parse("tags:exists").value == "true"


def test_a_datetime_without_a_zone_is_read_in_utc():
    condition = FilterCondition(field="created_at", operator="after", value="2026-01-01")

    assert mongo_filter([condition], FIELDS, IN_THE_QUERY) == {
        "$and": [{"created_at": {"$gt": datetime(2026, 1, 1, tzinfo=UTC)}}]
    }


def test_a_custom_field_condition_matches_its_element():
    condition = FilterCondition(field="custom.seats", operator="in", value=["1", "2"])

    assert mongo_filter([condition], FIELDS, IN_THE_QUERY) == {
        "$and": [
            {"custom_values": {"$elemMatch": {"field": "seats", "value": {"$in": [1.0, 2.0]}}}}
        ]
    }


def test_contains_escapes_the_value():
    condition = FilterCondition(field="tags", operator="contains", value="a.b")

    assert mongo_filter([condition], FIELDS, IN_THE_QUERY)["$and"][0]["tags"]["$regex"] == r"a\.b"


def test_a_number_that_is_not_one_is_refused_naming_the_condition():
    condition = FilterCondition(field="custom.seats", operator="equals", value="many")

    with pytest.raises(InvalidInput) as raised:
        mongo_filter([condition], FIELDS, IN_THE_BODY)

    assert raised.value.details == [{"field": "conditions.0", "message": "'many' is not a number"}]
    assert raised.value.location == "body"


def test_no_conditions_filter_nothing():
    assert mongo_filter([], FIELDS, IN_THE_QUERY) == {}
