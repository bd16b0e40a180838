"""Every query the platform's code makes while the suite runs is checked against the indexes
its collection declares, so none needs a collection scan (or an in-memory sort) on a real
MongoDB. A plugin of the suite: a test whose code under test made a query no index serves fails
at teardown, naming the query's shape and the collection's indexes. It covers every module,
whoever adds it, as soon as its tests run its queries.

The queries are heard where every driver call of the in-memory database passes (mongomock-motor's
collection), with their filter and sort as Beanie sends them; the indexes are those `init_beanie`
created from each model's `Settings.indexes` and `Indexed` fields. Queries written in test code
(reading an effect back, factories) are not the platform's and are not checked.

The rules, as MongoDB's planner applies them (`query_plans.served_by`):
- a filter is served by an index whose first key it constrains (an equality, a range, `$in`,
  `$all`, `$regex`...; `$ne`, `$nin`, `$not` and `$exists` bound nothing); each branch of an
  `$or` needs one of its own; a filter on `_id` is served by `_id`'s index;
- a tenant's query (its filter names `account_id`) has its sort served by that index: the sort's
  keys follow the keys the filter pins by equality, in the index's order or all reversed; or
  the index pins a reference below the tenant (one business's people) or a unique key, or the
  filter is a search (`$regex`): those few rows are sorted in memory, while a tenant's whole
  list must never be. A platform-wide query (a cron's due work) sorts what its bounded filter
  selects. A final `_id` (the tie-breaker lists add) is left out:
  MongoDB then sorts only the rows that tie, which on `created_at` is none.
"""

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mongomock_motor import AsyncMongoMockCollection

from shared.models import ALL_MODELS
from tests import query_plans

ROOT = Path(__file__).resolve().parents[1]
TESTS = str(ROOT / "tests")
PLATFORM = str(ROOT)
LIBRARIES = (str(ROOT / ".venv"), "/usr/lib/python")

# (method, where its filter is: positional index, keyword), for the calls that read a filter.
FILTERED_CALLS = {
    "find_one": (0, "filter"),
    "count_documents": (0, "filter"),
    "update_one": (0, "filter"),
    "update_many": (0, "filter"),
    "replace_one": (0, "filter"),
    "delete_one": (0, "filter"),
    "delete_many": (0, "filter"),
    "find_one_and_update": (0, "filter"),
    "find_one_and_replace": (0, "filter"),
    "find_one_and_delete": (0, "filter"),
    "distinct": (1, "filter"),
}

PLATFORM_COLLECTIONS = frozenset(model.Settings.name for model in ALL_MODELS)

unserved: list[str] = []
_checked: dict[tuple[str, str], str | None] = {}


def caller_is_the_platform() -> bool:
    """Whether the nearest frame of this repository on the stack is the platform's code (a
    service, shared) rather than a test's."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        ours = filename.startswith(PLATFORM) and not filename.startswith(LIBRARIES)
        if ours and filename != __file__:
            return not filename.startswith(TESTS)
        frame = frame.f_back
    return False


def heard(collection: AsyncMongoMockCollection, filter_: Any, sort: Any) -> None:
    name = collection.name
    if name not in PLATFORM_COLLECTIONS or not caller_is_the_platform():
        return  # a test's own model, or a test's own read
    shape = query_plans.shape(filter_ or {}, sort)
    key = (name, shape)
    if key not in _checked:
        # The driver's own collection, whose index_information() answers synchronously.
        mongomock_collection = collection._AsyncMongoMockCollection__collection  # type: ignore[attr-defined]
        indexes = query_plans.indexes_of(mongomock_collection.index_information)
        _checked[key] = query_plans.unserved(filter_ or {}, sort, indexes)
    if problem := _checked[key]:
        unserved.append(f"{name}: {problem}")


def argument(args: tuple, kwargs: dict, position: int, keyword: str) -> Any:
    if keyword in kwargs:
        return kwargs[keyword]
    return args[position] if len(args) > position else None


def listening(method: str, position: int, keyword: str):
    original = getattr(AsyncMongoMockCollection, method)

    def checked(self: AsyncMongoMockCollection, *args: Any, **kwargs: Any) -> Any:
        heard(self, argument(args, kwargs, position, keyword), kwargs.get("sort"))
        return original(self, *args, **kwargs)

    return original, checked


def first_match(pipeline: Any) -> dict:
    """An aggregation's leading `$match`, which is what an index can serve."""
    if pipeline and isinstance(pipeline[0], dict) and "$match" in pipeline[0]:
        return pipeline[0]["$match"]
    return {}


@pytest.fixture(scope="session", autouse=True)
def queries_are_audited() -> Iterator[None]:
    originals = {}
    for method, (position, keyword) in {"find": (0, "filter"), **FILTERED_CALLS}.items():
        originals[method], checked = listening(method, position, keyword)
        setattr(AsyncMongoMockCollection, method, checked)
    aggregate = AsyncMongoMockCollection.aggregate
    originals["aggregate"] = aggregate

    def aggregate_checked(self: AsyncMongoMockCollection, pipeline: Any, *args: Any, **kwargs):
        heard(self, first_match(pipeline), None)
        return aggregate(self, pipeline, *args, **kwargs)

    AsyncMongoMockCollection.aggregate = aggregate_checked  # type: ignore[method-assign]
    yield
    for method, original in originals.items():
        setattr(AsyncMongoMockCollection, method, original)


@pytest.fixture(autouse=True)
def no_query_needs_a_collection_scan(request: pytest.FixtureRequest) -> Iterator[None]:
    unserved.clear()
    yield
    if unserved and os.environ.get("QUERY_AUDIT_LOG"):
        with open(os.environ["QUERY_AUDIT_LOG"], "a") as log:
            log.writelines(f"{query}  [{request.node.nodeid}]\n" for query in unserved)
        unserved.clear()
    if unserved:
        found = "\n  ".join(sorted(set(unserved)))
        unserved.clear()
        pytest.fail(f"queries no declared index serves (add one to the model):\n  {found}")
