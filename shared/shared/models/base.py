"""Base documents: timestamps on every document, `account_id` on every tenant-owned one."""

from datetime import UTC, datetime

from beanie import Document, Indexed, Insert, Replace, Save, SaveChanges, Update, before_event
from beanie.odm.fields import PydanticObjectId
from pydantic import Field


def utc_now() -> datetime:
    return datetime.now(UTC)


class BaseDocument(Document):
    """`created_at` is set once on insert; `updated_at` moves on every write through the model."""

    created_at: datetime = Field(default_factory=utc_now, frozen=True)
    updated_at: datetime = Field(default_factory=utc_now)

    @before_event(Replace, Save, SaveChanges, Update)
    def touch(self) -> None:
        self.updated_at = utc_now()

    @before_event(Insert)
    def stamp(self) -> None:
        self.updated_at = self.created_at

    class Settings:
        use_state_management = True


class TenantDocument(BaseDocument):
    """A document owned by one account; every query on it filters on `account_id`."""

    account_id: Indexed(PydanticObjectId)  # type: ignore[valid-type]
