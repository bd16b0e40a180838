"""List filters for CRM lists: conditions validated against the fields a list allows, turned
into one MongoDB filter.

One syntax, two spellings of it:

- in a query string, repeated `filter=<field>:<operator>:<value>`, e.g.
  `?filter=tags:in:vip,lead&filter=custom.plan:equals:gold&filter=created_at:after:2026-01-01`;
  it is split at the first two colons only, so a value may hold colons; `in` takes a
  comma-separated list and `exists` takes `true` or `false`;
- in a JSON body (search, saved filters), `{"field": ..., "operator": ..., "value": ...}`, with
  a list for `in` and a boolean for `exists`.

Conditions are ANDed. Which operators a field takes depends on its kind (`OPERATORS`):
`equals` is an exact match (on a list field: one element is it), `contains` a case-insensitive
substring, `in` any of the values, `before`/`after` strictly less/greater (dates as
`YYYY-MM-DD`, or a full ISO datetime, in UTC), `exists` set and not empty. An unknown field, an
operator the field does not take or a value of the wrong type answers 422 naming the condition.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, ValidationError

from shared.models.filter import FilterCondition
from shared.utilities.errors import InvalidInput
from shared.utilities.repository import object_id
from shared.utilities.schemas import WriteModel


class Operator(StrEnum):
    EQUALS = "equals"
    CONTAINS = "contains"
    IN = "in"
    BEFORE = "before"
    AFTER = "after"
    EXISTS = "exists"


class Kind(StrEnum):
    TEXT = "text"  # a string, or a list of strings
    NUMBER = "number"
    DATE = "date"  # stored as an ISO `YYYY-MM-DD` string
    DATETIME = "datetime"  # stored as a BSON date
    ID = "id"  # an ObjectId, or a list of them


OPERATORS: dict[Kind, set[Operator]] = {
    Kind.TEXT: {Operator.EQUALS, Operator.CONTAINS, Operator.IN, Operator.EXISTS},
    Kind.NUMBER: {Operator.EQUALS, Operator.IN, Operator.BEFORE, Operator.AFTER, Operator.EXISTS},
    Kind.DATE: {Operator.EQUALS, Operator.BEFORE, Operator.AFTER, Operator.EXISTS},
    Kind.DATETIME: {Operator.BEFORE, Operator.AFTER, Operator.EXISTS},
    Kind.ID: {Operator.EQUALS, Operator.IN, Operator.EXISTS},
}


class ConditionWrite(WriteModel):
    """A condition as a request spells it (a saved filter stores it as a `FilterCondition`)."""

    field: Annotated[str, Field(min_length=1, max_length=100, examples=["tags"])]
    operator: Annotated[str, Field(min_length=1, max_length=20, examples=["in"])]
    value: Annotated[str, Field(max_length=1000)] | list[str] | bool | None = None

    def stored(self) -> FilterCondition:
        return FilterCondition(field=self.field, operator=self.operator, value=self.value)


@dataclass(frozen=True)
class Where:
    """Where a list query came from, for a 422's details: the request's part (`location`)
    and the paths of its conditions and of its search words there."""

    location: str = "body"
    conditions: str = "conditions"
    q: str = "q"


IN_THE_QUERY = Where("query", "filter", "q")  # `?q=...&filter=...`
IN_THE_BODY = Where()  # `{"q": ..., "conditions": [...]}`


@dataclass(frozen=True)
class Filterable:
    """A field a list may be filtered on: its kind, and where its value is stored. With
    `key`, the value is an element `{"field": key, "value": ...}` of the array at `path`
    (the attribute pattern custom fields use)."""

    kind: Kind
    path: str
    key: str | None = None


class BadCondition(Exception):
    """Why one condition cannot be used; `InvalidInput` once its location is known."""


def parse(text: str) -> ConditionWrite:
    """`tags:in:vip,lead` as a condition."""
    field, _, rest = text.partition(":")
    operator, separator, value = rest.partition(":")
    if not separator and operator != Operator.EXISTS:
        raise malformed(text)
    spelled: str | list[str] | None = value
    if operator == Operator.IN:
        spelled = [item for item in value.split(",") if item]
    elif operator == Operator.EXISTS:
        spelled = value or "true"
    try:
        return ConditionWrite(field=field, operator=operator, value=spelled)
    except ValidationError:
        raise malformed(text) from None


def malformed(text: str) -> InvalidInput:
    return InvalidInput(
        f"The filter {text!r} is not <field>:<operator>:<value>.",
        details=[{"field": "filter", "message": f"malformed filter {text!r}"}],
        location="query",
    )


def mongo_filter(
    conditions: Sequence[FilterCondition | ConditionWrite],
    fields: Mapping[str, Filterable],
    where: Where = IN_THE_BODY,
) -> dict[str, Any]:
    """One MongoDB filter matching every condition; `where` they came from names the bad one
    in a 422's details (`query.filter.0`, `body.conditions.2`)."""
    clauses = []
    for index, condition in enumerate(conditions):
        try:
            clauses.append(clause(condition, fields))
        except BadCondition as error:
            raise InvalidInput(
                f"Bad filter on {condition.field}: {error}",
                details=[{"field": f"{where.conditions}.{index}", "message": str(error)}],
                location=where.location,
            ) from None
    return {"$and": clauses} if clauses else {}


def clause(
    condition: FilterCondition | ConditionWrite, fields: Mapping[str, Filterable]
) -> dict[str, Any]:
    field = fields.get(condition.field)
    if field is None:
        raise BadCondition(f"unknown field {condition.field}")
    try:
        operator = Operator(condition.operator)
    except ValueError:
        raise BadCondition(f"unknown operator {condition.operator}") from None
    if operator not in OPERATORS[field.kind]:
        raise BadCondition(f"{condition.field} does not take {operator}")
    if operator is Operator.EXISTS:
        return exists_clause(field, truth(condition.value))
    return matching(field, value_clause(field.kind, operator, condition.value))


def value_clause(kind: Kind, operator: Operator, value: Any) -> Any:
    """What the stored value must satisfy, as the right hand side of a MongoDB condition."""
    if operator is Operator.IN:
        values = value if isinstance(value, list) else [value]
        if not values:
            raise BadCondition("in needs at least one value")
        return {"$in": [typed(kind, item) for item in values]}
    if operator is Operator.CONTAINS:
        return {"$regex": re.escape(str(typed(kind, value))), "$options": "i"}
    if operator is Operator.BEFORE:
        return {"$lt": typed(kind, value)}
    if operator is Operator.AFTER:
        return {"$gt": typed(kind, value)}
    return typed(kind, value)


def matching(field: Filterable, condition: Any) -> dict[str, Any]:
    if field.key is None:
        return {field.path: condition}
    return {field.path: {"$elemMatch": {"field": field.key, "value": condition}}}


def exists_clause(field: Filterable, exists: bool) -> dict[str, Any]:
    if field.key is not None:
        # On an array, `$ne` holds when no element has the key.
        return {f"{field.path}.field": field.key if exists else {"$ne": field.key}}
    empty: list[Any] = [None, [], ""]
    return {field.path: {"$nin": empty} if exists else {"$in": empty}}


def typed(kind: Kind, value: Any) -> Any:
    """The value as stored for a field of this kind."""
    if isinstance(value, list | bool) or value is None:
        raise BadCondition(f"expected one {kind} value, got {value!r}")
    text = str(value)
    if kind is Kind.NUMBER:
        try:
            return float(text)
        except ValueError:
            raise BadCondition(f"{text!r} is not a number") from None
    if kind is Kind.DATE:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise BadCondition(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if kind is Kind.DATETIME:
        return utc_moment(text)
    if kind is Kind.ID:
        oid = object_id(text)
        if oid is None:
            raise BadCondition(f"{text!r} is not an id")
        return oid
    return text


def utc_moment(text: str) -> datetime:
    """An ISO date or datetime as a moment in UTC (as stored); one at the calendar's edges
    that has no UTC equivalent (`9999-12-31T23:59:59-23:59`) is refused."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadCondition(f"{text!r} is not a date or an ISO datetime") from None
    try:
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except OverflowError:
        raise BadCondition(f"{text!r} is outside the dates that can be stored") from None


def truth(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "false"):
        return str(value).lower() == "true"
    raise BadCondition(f"exists takes true or false, not {value!r}")
