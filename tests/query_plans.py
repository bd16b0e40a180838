"""Whether a declared index serves a query's filter and sort, by the rules MongoDB's planner
applies (see tests/query_audit.py for what they are and why)."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

Keys = list[tuple[str, Any]]  # (field, 1 | -1 | "text" | ...), in the index's order


class Index(NamedTuple):
    keys: Keys
    unique: bool = False


Sort = list[tuple[str, int]]

# Operators that bound what an index scan reads.
BOUNDING = frozenset(
    {"$eq", "$in", "$gt", "$gte", "$lt", "$lte", "$all", "$regex", "$elemMatch", "$size", "$type"}
)
EQUALITY = frozenset({"$eq", "$in"})  # with $in, each value's rows come in the index's order
ID_INDEX = Index([("_id", 1)], unique=True)
# What scopes a query to its tenant (shared.utilities.repository): never narrow by itself.
TENANT_KEYS = frozenset({"account_id"})


def indexes_of(index_information: Callable[[], Mapping[str, Mapping[str, Any]]]) -> list[Index]:
    """A collection's indexes, from its `index_information()`."""
    found = [
        Index(list(info["key"]), bool(info.get("unique")) or name == "_id_")
        for name, info in index_information().items()
    ]
    return found or [ID_INDEX]


def sort_keys(sort: Any) -> Sort:
    """Beanie sends a sort as [(field, direction)], pymongo takes a dict too."""
    if not sort:
        return []
    pairs = sort.items() if isinstance(sort, Mapping) else sort
    return [(str(field), int(direction)) for field, direction in pairs]


def branches(filter_: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The filter as conjunctions of plain fields: `$and`s flattened, each `$or` (or `$nor`'s
    absence of one) splitting it into one conjunction per branch."""
    plain: dict[str, Any] = {}
    alternatives: list[list[dict[str, Any]]] = []
    for key, value in filter_.items():
        if key == "$and":
            for part in value:
                more = branches(part)
                if len(more) == 1:
                    plain.update(more[0])
                else:
                    alternatives.append(more)
        elif key == "$or":
            alternatives.append([branch for part in value for branch in branches(part)])
        elif not key.startswith("$"):
            plain[key] = value
            plain.update(element_fields(key, value))
    combined = [plain]
    for choice in alternatives:
        combined = [{**done, **branch} for done in combined for branch in choice]
    return combined


def element_fields(field: str, condition: Any) -> dict[str, Any]:
    """`{"pages": {"$elemMatch": {"id": 7}}}` bounds `pages.id`, which an index on it serves."""
    if not isinstance(condition, Mapping) or not isinstance(condition.get("$elemMatch"), Mapping):
        return {}
    inner = condition["$elemMatch"]
    return {f"{field}.{key}": value for key, value in inner.items() if not key.startswith("$")}


def bound(condition: Any) -> str:
    """ "eq" for a condition pinning the field to values, "range" for one bounding it, "" for
    one an index scan cannot seek on."""
    if not isinstance(condition, Mapping) or not any(str(k).startswith("$") for k in condition):
        return "eq"  # a value, None, or an embedded document compared whole
    operators = set(condition)
    if operators <= EQUALITY:
        return "eq"
    return "range" if operators & BOUNDING else ""


def serves(index: Index, conditions: Mapping[str, Any], sort: Sort) -> bool:
    """Whether the index bounds the scan of these conditions and gives their rows in the sort's
    order. With no condition, an index read in the sort's order serves; with no sort either,
    the query is a sweep of the whole collection (a cron's, an export's), which reads every
    document on purpose."""
    fields = [field for field, _ in index.keys]
    bounds = {field: bound(condition) for field, condition in conditions.items()}
    if not conditions:
        return not sort or sort_follows(index.keys, sort)
    if not bounds.get(fields[0]):
        return False
    pinned = 0
    while pinned < len(fields) and bounds.get(fields[pinned]) == "eq":
        pinned += 1
    # A sort on a field the filter pins to one value orders nothing.
    wanted = [(field, order) for field, order in sort if bounds.get(field) != "eq"]
    if sort_follows(index.keys[pinned:], wanted):
        return True
    if not TENANT_KEYS & set(conditions):
        return True  # platform-wide (a cron's due work): what it selects is sorted in memory
    return narrows(index, fields[:pinned]) or any(map(is_search, conditions.values()))


def is_search(condition: Any) -> bool:
    """A `$regex` (a name typed into a search box): its matches are sorted in memory, as no
    index can give a pattern's matches in another field's order."""
    return isinstance(condition, Mapping) and "$regex" in condition


def narrows(index: Index, pinned: list[str]) -> bool:
    """Whether the pinned keys leave a handful of rows, which MongoDB sorts in memory at no
    cost that matters: a reference to one other document (one business's people, one user's
    memberships), or every key of a unique index (tags by name). A tenant's whole list, or
    all of its open deals, sorted in memory is what must not happen."""
    if index.unique and len(pinned) == len(index.keys):
        return True
    return any(field not in TENANT_KEYS and field.endswith(("_id", "_ids")) for field in pinned)


def sort_follows(index: Index, sort: Sort) -> bool:
    """The sort reads the index's keys in order (or all reversed) from its first."""
    if not sort:
        return True
    if len(sort) > len(index):
        return False
    pairs = list(zip(index, sort, strict=False))
    if any(field != sorted_field for (field, _), (sorted_field, _) in pairs):
        return False
    same = all(direction == order for (_, direction), (_, order) in pairs)
    reversed_ = all(direction == -order for (_, direction), (_, order) in pairs)
    return same or reversed_


def unserved(filter_: Mapping[str, Any], sort: Any, indexes: Sequence[Index]) -> str | None:
    """None when each branch of the query is served by one of the indexes, else what is not."""
    wanted = sort_keys(sort)
    if wanted and wanted[-1][0] == "_id" and len(wanted) > 1:
        wanted = wanted[:-1]  # the tie-breaker: only the rows that tie are sorted
    for conditions in branches(filter_):
        if "_id" in conditions and bound(conditions["_id"]):
            continue
        if not any(serves(index, conditions, wanted) for index in indexes):
            return f"{shape(conditions, wanted)} (indexes: {describe(indexes)})"
    return None


def shape(filter_: Mapping[str, Any], sort: Any) -> str:
    """The query without its values: its fields, their operators, and its sort."""

    def outline(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {key: outline(inner) for key, inner in value.items() if str(key).startswith("$")}
        if isinstance(value, list) and value and isinstance(value[0], Mapping):
            return [outline(inner) for inner in value]
        return "?"

    fields = {key: outline(value) for key, value in filter_.items()}
    return f"filter {fields} sort {sort_keys(sort)}"


def describe(indexes: Sequence[Index]) -> str:
    return "; ".join(
        ", ".join(f"{field} {direction}" for field, direction in index.keys) for index in indexes
    )
