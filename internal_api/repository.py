"""Queries on documents owned by something other than an account: a user's sessions, an
agency's sub-accounts. They reuse the tenant repository, filtered on their owner instead, so
another owner's document answers 404 exactly like a missing one."""

from collections.abc import Callable, Mapping
from typing import Any

from beanie import Document

from shared.utilities.pagination import Page
from shared.utilities.repository import TenantRepository


class OwnedRepository(TenantRepository):
    """Reads and deletes only (`create` would stamp an `account_id`)."""

    def __init__(self, model: type[Document], owner_field: str, owner_id: str) -> None:
        super().__init__(model, owner_id)  # type: ignore[arg-type]
        self.owner_field = owner_field

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), self.owner_field: self.account_id}


def mapped(page: Page, convert: Callable[[Any], Any]) -> Page:
    """The same page with each item converted (a document into what the API answers)."""
    return Page(data=[convert(item) for item in page.data], pagination=page.pagination)
