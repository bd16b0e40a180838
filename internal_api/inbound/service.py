"""The account's leads as the caller sees them: listed newest first, counted by UTC day and
source, and each contact's first and last touch. A member limited to their own records sees
the leads of the contacts they see; another account's contact answers 404 like a missing one."""

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from internal_api.inbound.auth import LeadsCaller
from internal_api.inbound.repository import InboundLeads, LeadContacts
from internal_api.inbound.schemas import (
    CountFilters,
    DayCount,
    LeadCounts,
    LeadFilters,
    LeadRead,
    TouchesRead,
)
from shared.models.lead import Lead, LeadSource
from shared.utilities.pagination import Page, PageParams


async def list_leads(
    caller: LeadsCaller, paging: PageParams, filters: LeadFilters
) -> Page[LeadRead]:
    leads = await InboundLeads(caller.account_id).paginate(
        paging, await visible(caller, filters.query())
    )
    return Page[LeadRead](data=await named(caller, leads.data), pagination=leads.pagination)


async def count_leads(caller: LeadsCaller, filters: CountFilters) -> LeadCounts:
    window = filters.bounded()
    rows = await InboundLeads(caller.account_id).counts_by_day(
        await visible(caller, window.query())
    )
    days = []
    for day, same_day in groupby(rows, key=lambda row: row.day):
        by_source = {row.source: row.count for row in same_day}
        days.append(DayCount(day=day, total=sum(by_source.values()), by_source=by_source))
    totals: Counter[LeadSource] = Counter()
    for row in rows:
        totals[row.source] += row.count
    assert window.from_ is not None and window.to is not None, "a bounded window"
    return LeadCounts(from_=window.from_, to=window.to, days=days, by_source=dict(totals))


async def touches(caller: LeadsCaller, contact_id: str) -> TouchesRead:
    """How the contact reached the account: first, last, how often."""
    contact = await caller.records.get(contact_id)
    assert contact.id is not None, "a stored contact"
    found = await InboundLeads(caller.account_id).touches_of(contact.id)
    first, last = (
        read(lead, contact.display_name) if lead else None for lead in (found.first, found.last)
    )
    return TouchesRead(contact_id=contact.id, count=found.count, first=first, last=last)


async def visible(caller: LeadsCaller, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters, narrowed to the leads of the contacts the caller sees."""
    seen = await LeadContacts(caller.records).visible_ids()
    if seen is None:
        return filters
    return {"$and": [filters, {"contact_id": {"$in": seen}}]}


async def named(caller: LeadsCaller, leads: Sequence[Lead]) -> list[LeadRead]:
    """The leads as read, each with its contact's name."""
    names = await LeadContacts(caller.records).names(lead.contact_id for lead in leads)
    return [read(lead, names.get(lead.contact_id, "")) for lead in leads]


def read(lead: Lead, contact_name: str) -> LeadRead:
    return LeadRead.model_validate({**lead.model_dump(), "contact_name": contact_name})
