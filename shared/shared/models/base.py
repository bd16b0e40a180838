"""Base documents: timestamps on every document, `account_id` on every tenant-owned one."""

from datetime import UTC, datetime

from beanie import Document, Indexed, Insert, Replace, Save, SaveChanges, Update, before_event
from beanie.odm.fields import PydanticObjectId
from pydantic import Field


def utc_now() -> datetime:
    """Now, to the millisecond: what MongoDB stores, so a round trip compares equal."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class BaseDocument(Document):
    """`created_at` is set once on insert; `updated_at` moves on every write through the model."""

    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    def __setattr__(self, name: str, value) -> None:
        if name == "created_at" and self.id is not None and value != self.created_at:
            raise AttributeError("created_at never changes once a document is stored")
        super().__setattr__(name, value)

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

    account_id: Indexed(PydanticObjectId)  # type: ignore[valid-type]  # Beanie's runtime type
