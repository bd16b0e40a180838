"""List parameters and the list answer shape: `?page=1&limit=25&sort=-created_at`."""

from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field

ItemT = TypeVar("ItemT")

MAX_LIMIT = 100


class PageParams(BaseModel):
    page: int = Field(1, ge=1)
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    sort: str = "-created_at"

    @property
    def skip(self) -> int:
        return (self.page - 1) * self.limit


def page_params(
    page: Annotated[int, Query(ge=1, description="page number, from 1")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 25,
    sort: Annotated[
        str, Query(pattern=r"^-?[A-Za-z_][A-Za-z0-9_.]*$", description="field, `-` for descending")
    ] = "-created_at",
) -> PageParams:
    return PageParams(page=page, limit=limit, sort=sort)


Paging = Annotated[PageParams, Depends(page_params)]


class Pagination(BaseModel):
    page: int
    limit: int
    total: int
    next_page: int | None


class Page(BaseModel, Generic[ItemT]):
    data: list[ItemT]
    pagination: Pagination
