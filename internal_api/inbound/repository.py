"""Every query of the inbound lists: the account's leads, newest first, and their counts by
UTC day and source, each on the `(account_id, created_at)` index or, for one source, the
`(account_id, source, created_at)` one; and the contacts behind them, as the caller sees them."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field

from shared.domain.contacts.repository import ContactRepository
from shared.domain.leads.repository import LeadRepository
from shared.models.contact import Contact
from shared.models.lead import Lead, LeadSource

# A lead's UTC day, as MongoDB writes it (and mongomock, which has no time zones here either).
DAY_FORMAT = "%Y-%m-%d"


@dataclass(frozen=True)
class SourceDay:
    day: date
    source: LeadSource
    count: int


class ContactId(BaseModel):
    """A contact read for its id alone."""

    id: PydanticObjectId = Field(alias="_id")


class InboundLeads(LeadRepository):
    async def counts_by_day(self, filters: Mapping[str, Any]) -> list[SourceDay]:
        """How many leads each source had each day, oldest day first: one aggregation."""
        pipeline = [
            {"$match": self.scoped(filters)},
            {
                "$group": {
                    "_id": {
                        "day": {"$dateToString": {"format": DAY_FORMAT, "date": "$created_at"}},
                        "source": "$source",
                    },
                    "count": {"$sum": 1},
                }
            },
            {"$sort": {"_id.day": 1, "_id.source": 1}},
        ]
        rows = await Lead.aggregate(pipeline).to_list()
        return [
            SourceDay(
                date.fromisoformat(row["_id"]["day"]),
                LeadSource(row["_id"]["source"]),
                row["count"],
            )
            for row in rows
        ]


class LeadContacts:
    """The contacts behind leads, as the caller sees them (`contacts`, their repository)."""

    def __init__(self, contacts: ContactRepository) -> None:
        self.contacts = contacts

    async def visible_ids(self) -> list[PydanticObjectId] | None:
        """The ids of the contacts a member limited to their own records sees; None for a
        caller who sees them all."""
        if not self.contacts.visibility:
            return None
        seen = Contact.find(self.contacts.scoped(), projection_model=ContactId)
        return [contact.id for contact in await seen.to_list()]

    async def names(self, ids: Iterable[PydanticObjectId]) -> dict[PydanticObjectId, str]:
        """The display names of these contacts, deleted ones too (their leads stay listed)."""
        found = await self.contacts.list({"_id": {"$in": list(set(ids))}}, limit=0)
        return {contact.id: contact.display_name for contact in found if contact.id}
