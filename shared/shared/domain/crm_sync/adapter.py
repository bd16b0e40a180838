"""What a CRM provider folder implements for the sync engine (`CrmAdapter`), and the neutral
shapes it answers in: a record as the CRM keeps it, a page of changed records, a change a
webhook announced, and the provider's documented rate limit."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar


@dataclass(frozen=True)
class CrmRecord:
    external_id: str
    fields: dict[str, Any]  # by the CRM's own field names
    modified_at: datetime  # the CRM's own modification time of the record
    deleted: bool = False


@dataclass(frozen=True)
class RecordPage:
    records: list[CrmRecord]
    next_page: str | None = None  # the CRM's token for the next page; None on the last one


@dataclass(frozen=True)
class WebhookChange:
    """A record a verified webhook says changed: the engine fetches it (a webhook carries
    only some fields, or none) unless it was deleted."""

    external_id: str
    deleted: bool = False


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` calls per `seconds`, per connected account (as the provider counts)."""

    requests: int
    seconds: int


class CrmAdapter(ABC):
    provider: ClassVar[str]
    rate_limit: ClassVar[RateLimit]
    # Platform field ("first_name", "emails.0", "custom.<key>") -> the CRM's field: the
    # mapping an account starts with.
    default_field_map: ClassVar[dict[str, str]]

    @abstractmethod
    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        """The records modified after `since` (all of them when None), oldest first, one page
        at a time: `page` is the previous page's `next_page`."""

    @abstractmethod
    async def get(self, external_id: str) -> CrmRecord | None:
        """The record, or None when the CRM no longer has it."""

    @abstractmethod
    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        """A new record with these fields (by the CRM's names)."""

    @abstractmethod
    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        """The record with these fields changed."""

    @abstractmethod
    async def delete(self, external_id: str) -> None:
        """The record removed (archived where the CRM archives); gone already is fine."""
