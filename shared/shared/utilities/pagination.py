"""List parameters and the list answer shape: `?page=1&limit=25&sort=-created_at`.

A route lists the fields its repository sorts by, so OpenAPI documents them and any other
sort answers 422 before a query runs:

    ContactPaging = sorted_paging(ContactRepository.sortable)

    async def list_contacts(paging: ContactPaging) -> Page[ContactRead]: ...
"""

from collections.abc import Callable, Iterable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, ConfigDict, Field

ItemT = TypeVar("ItemT")

MAX_LIMIT = 100
# Far past any real list, and small enough that (page - 1) * limit fits MongoDB's skip (int64).
MAX_PAGE = 10_000_000


class PageParams(BaseModel):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    sort: str = "-created_at"

    @property
    def skip(self) -> int:
        return (self.page - 1) * self.limit


# What follows a keyed sort's prefix: `custom.<key>`.
SORT_KEY = r"[a-z][a-z0-9_]{0,39}"


def sorted_by(
    fields: Iterable[str], default: str = "-created_at", keyed: Iterable[str] = ()
) -> Callable[..., PageParams]:
    """The dependency reading `?page&limit&sort` for a list whose sort is one of `fields`
    (either direction), or `<prefix>.<key>` for a prefix of `keyed` (a custom field:
    `custom.plan`), for an alias type checkers read:
    `Paging = Annotated[PageParams, Depends(sorted_by(fields))]`."""
    choices, prefixes = sorted(fields), sorted(keyed)
    alternatives = [choice.replace(".", r"\.") for choice in choices]
    alternatives += [rf"{prefix}\.{SORT_KEY}" for prefix in prefixes]
    pattern = "^-?(" + "|".join(alternatives) + ")$"
    described = ", ".join(
        [f"`{choice}`" for choice in choices] + [f"`{prefix}.<key>`" for prefix in prefixes]
    )

    def page_params(
        page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page number, from 1")] = 1,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 25,
        sort: Annotated[
            str,
            Query(pattern=pattern, description=f"one of {described}; `-` for descending"),
        ] = default,
    ) -> PageParams:
        return PageParams(page=page, limit=limit, sort=sort)

    return page_params


def sorted_paging(
    fields: Iterable[str], default: str = "-created_at", keyed: Iterable[str] = ()
) -> Any:
    """The `Paging` dependency of a list whose sort is one of `fields` (either direction), or
    `<prefix>.<key>` for a prefix of `keyed`."""
    return Annotated[PageParams, Depends(sorted_by(fields, default, keyed))]


# A list sorted by its timestamps only.
Paging = sorted_paging(["created_at", "updated_at"])


class Pagination(BaseModel):
    page: int
    limit: int
    total: int
    next_page: int | None

    @classmethod
    def of(cls, params: PageParams, shown: int, total: int) -> "Pagination":
        """The page `params` asked for, holding `shown` of `total` items."""
        has_more = params.skip + shown < total
        next_page = params.page + 1 if has_more else None
        return cls(page=params.page, limit=params.limit, total=total, next_page=next_page)


class Page(BaseModel, Generic[ItemT]):
    # Read from attributes too, so a route returns a page of documents and its response model
    # (`Page[ContactRead]`) shapes each item.
    model_config = ConfigDict(from_attributes=True)

    data: list[ItemT]
    pagination: Pagination
