"""LeadFinder: a search of businesses by category and area, run in the background through
RapidAPI's business search, each page of finds kept with the search and pushed live to the
account on the general socket (`lead-finder`); then the finds the account picks saved as
contacts through the contact write path."""

import logging

from external_api.integrations.rapidapi.client import BusinessSearch
from external_api.integrations.rapidapi.errors import LeadFinderNotConfigured, SearchNotDone
from external_api.integrations.rapidapi.repository import LeadSearchRepository
from external_api.integrations.rapidapi.schemas import LeadSave, LeadSearchCreate, SavedBusiness
from external_api.integrations.rapidapi.settings import RapidapiSettings
from shared.domain.contacts.callers import contact_for
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import Author, platform_author
from shared.models.lead_search import FoundBusiness, LeadSearch, LeadSearchStatus
from shared.utilities.errors import DomainError, InvalidInput
from shared.utilities.outbox import Senders, collecting, emit, enqueue_job, flush
from shared.utilities.pagination import Page, PageParams
from shared.utilities.realtime import Socket, account_room
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import LEAD_FINDER_SEARCH

logger = logging.getLogger(__name__)

EVENT = "lead-finder"
SOURCE = "lead_finder"
TAG = "lead-finder"


def configured(search: BusinessSearch | None) -> BusinessSearch:
    if search is None:
        raise LeadFinderNotConfigured()
    return search


async def start_search(
    search: BusinessSearch | None,
    settings: RapidapiSettings,
    account_id: str,
    user_id: str,
    asked: LeadSearchCreate,
) -> LeadSearch:
    configured(search)
    if asked.max_results > settings.max_results:
        limit = f"must be at most {settings.max_results}"
        raise InvalidInput(details=[{"field": "max_results", "message": limit}])
    found = await LeadSearchRepository(account_id).create(
        category=asked.category.strip(),
        area=asked.area.strip(),
        region=asked.region.lower(),
        max_results=asked.max_results,
        started_by=user_id,
    )
    enqueue_job(LEAD_FINDER_SEARCH, account_id=account_id, search_id=str(found.id))
    return found


async def list_searches(account_id: str, paging: PageParams) -> Page[LeadSearch]:
    return await LeadSearchRepository(account_id).paginate(paging)


async def read_search(account_id: str, search_id: str) -> LeadSearch:
    return await LeadSearchRepository(account_id).get(search_id)


async def run_search(
    search: BusinessSearch | None,
    settings: RapidapiSettings,
    senders: Senders,
    account_id: str,
    search_id: str,
) -> LeadSearch:
    """Page by page until the search has its `max_results` or the API has no more; each page
    saved and pushed before the next is asked for (an outbox of its own, flushed per page). A
    run again of a finished search does nothing; a broken-off one starts over. A provider
    failure the framework's retries did not mend ends the search `failed`, with the reason."""
    client = configured(search)
    lead_search = await LeadSearchRepository(account_id).get(search_id)
    if lead_search.status in (LeadSearchStatus.DONE, LeadSearchStatus.FAILED):
        return lead_search
    lead_search.status, lead_search.found, lead_search.error = LeadSearchStatus.RUNNING, [], ""
    async with collecting(senders):
        try:
            await find_all(client, settings.page_size, lead_search)
        except DomainError as failure:
            logger.warning("LeadFinder search %s failed: %s", search_id, failure)
            lead_search.status, lead_search.error = LeadSearchStatus.FAILED, failure.message
            await published(lead_search, [])
    return lead_search


async def find_all(client: BusinessSearch, page_size: int, lead_search: LeadSearch) -> None:
    query = f"{lead_search.category} in {lead_search.area}"
    while True:
        wanted = min(page_size, lead_search.max_results - len(lead_search.found))
        page = await client.page(query, lead_search.region, len(lead_search.found), wanted)
        lead_search.found += page
        last = len(page) < wanted or len(lead_search.found) >= lead_search.max_results
        lead_search.status = LeadSearchStatus.DONE if last else LeadSearchStatus.RUNNING
        await published(lead_search, page)
        if last:
            return


async def published(lead_search: LeadSearch, page: list[FoundBusiness]) -> None:
    await lead_search.save()
    progress = {
        "search_id": str(lead_search.id),
        "status": lead_search.status.value,
        "found": len(lead_search.found),
        "businesses": [business.model_dump(mode="json") for business in page],
        "error": lead_search.error,
    }
    emit(Socket.GENERAL, EVENT, progress, account_room(str(lead_search.account_id)))
    await flush()


async def save_found(
    settings: ServiceSettings, account_id: str, search_id: str, chosen: LeadSave
) -> list[SavedBusiness]:
    """Each chosen find as a contact of the account (one it has at that phone is completed,
    not doubled), tagged `lead-finder`; a find saved before answers its contact again."""
    lead_search = await LeadSearchRepository(account_id).get(search_id)
    if lead_search.status is not LeadSearchStatus.DONE:
        raise SearchNotDone()
    by_id = {business.business_id: business for business in lead_search.found}
    unknown = [business_id for business_id in chosen.business_ids if business_id not in by_id]
    if unknown:
        missing = f"not found by the search: {', '.join(unknown)}"
        raise InvalidInput(details=[{"field": "business_ids", "message": missing}])
    author = await platform_author(lead_search.account_id, settings)
    outcomes = [await saved(author, by_id[business_id]) for business_id in chosen.business_ids]
    await lead_search.save()
    return outcomes


async def saved(author: Author, business: FoundBusiness) -> SavedBusiness:
    outcome = SavedBusiness(business_id=business.business_id)
    if business.contact_id is not None:
        return outcome.model_copy(update={"contact_id": str(business.contact_id)})
    try:
        contact, created = await contact_for(
            author,
            SOURCE,
            phone=business.phone or None,
            first_name=business.name[:100],
            tag=TAG,
            more={"website": business.website} if business.website else None,
            announce=False,
        )
    except Unreachable:
        return outcome.model_copy(update={"skipped": "no phone number to reach it by"})
    business.contact_id = contact.id
    return outcome.model_copy(update={"contact_id": str(contact.id), "created": created})
