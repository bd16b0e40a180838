"""CRM contacts: people and businesses, their lists, search and filters, bulk changes,
merging and history. Every route reads contacts through the caller's visibility-checked
repository, so another account's contact, or one hidden from a member, answers 404."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.activities.schemas import ActivityRead
from internal_api.crm.contacts import service
from internal_api.crm.contacts.auth import ContactsRead, ContactsWrite
from internal_api.crm.contacts.schemas import (
    BulkResult,
    ContactCreate,
    ContactIds,
    ContactSearch,
    ContactTagging,
    ContactUpdate,
    MergeRequest,
)
from internal_api.crm.query import IN_THE_BODY, IN_THE_QUERY
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.contacts.errors import (
    ContactDeleted,
    ContactMerged,
    EmailTaken,
    NotABusiness,
    UnmergeableContacts,
    UnsearchableQuery,
)
from shared.domain.contacts.repository import CUSTOM, ContactRepository
from shared.domain.contacts.schemas import ContactRead
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/crm/contacts", tags=["crm"])

ContactPaging = Annotated[
    PageParams, Depends(sorted_by(ContactRepository.sortable, keyed=[CUSTOM.rstrip(".")]))
]
FILTER_SYNTAX = (
    "Repeat `filter=<field>:<operator>:<value>`, e.g. `filter=tags:in:vip,lead`, "
    "`filter=custom.plan:equals:gold`, `filter=created_at:after:2026-01-01`, "
    "`filter=owner_id:exists:false`. Operators: equals, contains, in, before, after, exists."
)
SEARCH = (
    "`q` finds contacts whose name, emails or company hold words starting with each word of "
    "it, and whose phones hold its digits however they are typed (`555-0107`, "
    "`+14155550107`); words with no letter or digit answer 422. `sort=display_name` sorts "
    "people and businesses together by name, `sort=custom.<key>` by a custom field."
)
LISTING_ERRORS = (*SIGNED_IN, InvalidInput, UnsearchableQuery)
WRITING_ERRORS = (*SIGNED_IN, InvalidInput, NotFound, NotAccountUsers, NotABusiness, EmailTaken)


@router.get(
    "",
    response_model=Page[ContactRead],
    summary="The contacts the caller sees, searched and filtered",
    description=f"{SEARCH} {FILTER_SYNTAX} `deleted=true` lists deleted contacts instead of "
    "live ones.",
    responses=error_responses(*LISTING_ERRORS),
)
async def list_contacts(
    caller: ContactsRead,
    paging: ContactPaging,
    q: Annotated[str | None, Query(max_length=200)] = None,
    filters: Annotated[list[str] | None, Query(alias="filter", description=FILTER_SYNTAX)] = None,
    deleted: bool = False,
) -> Page[Contact]:
    search = service.query_search(q, filters or [], deleted)
    return await service.list_contacts(caller, paging, search, IN_THE_QUERY)


@router.post(
    "/search",
    response_model=Page[ContactRead],
    summary="The same list, with the query in a JSON body",
    description="For filters too long for a URL: conditions as "
    '`{"field": "tags", "operator": "in", "value": ["vip", "lead"]}`.',
    responses=error_responses(*LISTING_ERRORS),
)
async def search_contacts(
    body: ContactSearch, caller: ContactsRead, paging: ContactPaging
) -> Page[Contact]:
    return await service.list_contacts(caller, paging, body, IN_THE_BODY)


@router.post(
    "",
    status_code=201,
    response_model=ContactRead,
    summary="Create a person or a business",
    description="Emails are lower-cased and belong to one live contact of the account (409 "
    "`email_taken` naming the holder); phones are stored in E.164; the owner defaults to the "
    "caller.",
    responses=error_responses(*WRITING_ERRORS),
)
async def create_contact(body: ContactCreate, caller: ContactsWrite) -> Contact:
    return await service.create_contact(caller, body)


@router.post(
    "/bulk-delete",
    summary="Delete many contacts, all or none",
    description="404 naming the ids that are not live contacts the caller sees; then nothing "
    "is deleted.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_delete(body: ContactIds, caller: ContactsWrite) -> BulkResult:
    return BulkResult(count=await service.delete_contacts(caller, body.ids))


@router.post(
    "/bulk-tag",
    summary="Add tags to many contacts, all or none",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_tag(body: ContactTagging, caller: ContactsWrite) -> BulkResult:
    return BulkResult(count=await service.tag_contacts(caller, body.ids, body.tags))


@router.post(
    "/bulk-untag",
    summary="Take tags off many contacts, all or none",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_untag(body: ContactTagging, caller: ContactsWrite) -> BulkResult:
    return BulkResult(count=await service.untag_contacts(caller, body.ids, body.tags))


@router.get(
    "/{contact_id}",
    response_model=ContactRead,
    summary="One contact, deleted or not",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_contact(contact_id: str, caller: ContactsRead) -> Contact:
    return await service.get_contact(caller, contact_id)


@router.patch(
    "/{contact_id}",
    response_model=ContactRead,
    summary="Change a contact",
    description="Only the fields sent change; `custom` changes only the keys it names. A "
    "deleted contact answers 409 `contact_deleted` until it is restored.",
    responses=error_responses(*WRITING_ERRORS, ContactDeleted),
)
async def update_contact(contact_id: str, body: ContactUpdate, caller: ContactsWrite) -> Contact:
    return await service.update_contact(caller, contact_id, body)


@router.delete(
    "/{contact_id}",
    status_code=204,
    summary="Delete a contact (it can be restored)",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_contact(contact_id: str, caller: ContactsWrite) -> Response:
    await service.delete_contact(caller, contact_id)
    return Response(status_code=204)


@router.post(
    "/{contact_id}/restore",
    response_model=ContactRead,
    summary="Restore a deleted contact",
    description="409 `contact_merged` for a contact merged into another, `email_taken` for one "
    "whose email another live contact has taken meanwhile.",
    responses=error_responses(*SIGNED_IN, NotFound, ContactMerged, EmailTaken),
)
async def restore_contact(contact_id: str, caller: ContactsWrite) -> Contact:
    return await service.restore_contact(caller, contact_id)


@router.post(
    "/{contact_id}/merge",
    response_model=ContactRead,
    summary="Merge another contact into this one",
    description="This contact keeps its values and takes the other's where it has none; "
    "emails, phones, tags and followers are unioned; the other's notes, deals and history "
    "move here, and it is deleted with `merged_into`.",
    responses=error_responses(*SIGNED_IN, UnmergeableContacts, NotFound, ContactDeleted),
)
async def merge_contact(contact_id: str, body: MergeRequest, caller: ContactsWrite) -> Contact:
    return await service.merge_contacts(caller, contact_id, body.contact_id)


@router.get(
    "/{contact_id}/activities",
    response_model=Page[ActivityRead],
    summary="The contact's history, newest first",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_contact_activities(
    contact_id: str, caller: ContactsRead, paging: Paging
) -> Page[CrmLog]:
    return await service.list_activities(caller, contact_id, paging)
