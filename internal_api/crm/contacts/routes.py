"""CRM contacts: people and businesses, their lists, search and filters, bulk changes,
merging and history. Every route reads contacts through the caller's visibility-checked
repository, so another account's contact, or one hidden from a member, answers 404."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.activities.schemas import ActivityRead
from internal_api.crm.contacts import bulk, merge, service
from internal_api.crm.contacts.schemas import (
    BulkResult,
    ContactCreate,
    ContactIds,
    ContactRead,
    ContactSearch,
    ContactTagging,
    ContactUpdate,
    MergeRequest,
)
from internal_api.crm.contacts.service import Caller
from internal_api.crm.query import parse
from internal_api.crm.visibility import VisibleRepository, visible
from internal_api.dependencies import Settings
from internal_api.repository import mapped
from shared.models.contact import Contact
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging, sorted_paging

router = APIRouter(prefix="/v1/crm/contacts", tags=["crm"])

CONTACT_SORTS = ("created_at", "updated_at", "first_name", "last_name", "name")
VisibleContacts = Annotated[VisibleRepository[Contact], Depends(visible(Contact, CONTACT_SORTS))]
ContactPaging = sorted_paging(CONTACT_SORTS)


def caller_with(scope: str):
    """A dependency: the caller, who must hold `scope`, and the contacts they see."""

    async def caller(
        principal: Annotated[Principal, Depends(requires(scope))],
        contacts: VisibleContacts,
        settings: Settings,
    ) -> Caller:
        return Caller(principal, contacts, settings.default_phone_region)

    return caller


Reader = Annotated[Caller, Depends(caller_with("contacts:read"))]
Writer = Annotated[Caller, Depends(caller_with("contacts:write"))]

SIGNED_IN = (Unauthorized, Forbidden)
FILTER_SYNTAX = (
    "Repeat `filter=<field>:<operator>:<value>`, e.g. `filter=tags:in:vip,lead`, "
    "`filter=custom.plan:equals:gold`, `filter=created_at:after:2026-01-01`, "
    "`filter=owner_id:exists:false`. Operators: equals, contains, in, before, after, exists."
)


@router.get(
    "",
    summary="The contacts the caller sees, searched and filtered",
    description=f"`q` finds contacts whose name, emails, phones or company hold words "
    f"starting with each word of it. {FILTER_SYNTAX} `deleted=true` lists deleted contacts "
    f"instead of live ones.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_contacts(
    caller: Reader,
    paging: ContactPaging,
    q: Annotated[str | None, Query(max_length=200)] = None,
    filters: Annotated[list[str] | None, Query(alias="filter", description=FILTER_SYNTAX)] = None,
    deleted: bool = False,
) -> Page[ContactRead]:
    search = ContactSearch(q=q, conditions=[parse(text) for text in filters or []], deleted=deleted)
    page = await service.list_contacts(caller, paging, search, "filter")
    return mapped(page, ContactRead.of)


@router.post(
    "/search",
    summary="The same list, with the query in a JSON body",
    description="For filters too long for a URL: conditions as "
    '`{"field": "tags", "operator": "in", "value": ["vip", "lead"]}`.',
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def search_contacts(
    body: ContactSearch, caller: Reader, paging: ContactPaging
) -> Page[ContactRead]:
    page = await service.list_contacts(caller, paging, body, "body.conditions")
    return mapped(page, ContactRead.of)


@router.post(
    "",
    status_code=201,
    summary="Create a person or a business",
    description="Emails are lower-cased and belong to one live contact of the account (409 "
    "naming the holder); phones are stored in E.164; the owner defaults to the caller.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound, Conflict),
)
async def create_contact(body: ContactCreate, caller: Writer) -> ContactRead:
    return ContactRead.of(await service.create_contact(caller, body))


@router.post(
    "/bulk-delete",
    summary="Delete many contacts, all or none",
    description="404 naming the ids that are not live contacts the caller sees; then nothing "
    "is deleted.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_delete(body: ContactIds, caller: Writer) -> BulkResult:
    return BulkResult(count=await bulk.delete_contacts(caller, body.ids))


@router.post(
    "/bulk-tag",
    summary="Add tags to many contacts, all or none",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_tag(body: ContactTagging, caller: Writer) -> BulkResult:
    return BulkResult(count=await bulk.tag_contacts(caller, body.ids, body.tags))


@router.post(
    "/bulk-untag",
    summary="Take tags off many contacts, all or none",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound),
)
async def bulk_untag(body: ContactTagging, caller: Writer) -> BulkResult:
    return BulkResult(count=await bulk.untag_contacts(caller, body.ids, body.tags))


@router.get(
    "/{contact_id}",
    summary="One contact, deleted or not",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_contact(contact_id: str, caller: Reader) -> ContactRead:
    return ContactRead.of(await service.get_contact(caller, contact_id))


@router.patch(
    "/{contact_id}",
    summary="Change a contact",
    description="Only the fields sent change; `custom` changes only the keys it names. A "
    "deleted contact answers 409 until it is restored.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound, Conflict),
)
async def update_contact(contact_id: str, body: ContactUpdate, caller: Writer) -> ContactRead:
    return ContactRead.of(await service.update_contact(caller, contact_id, body))


@router.delete(
    "/{contact_id}",
    status_code=204,
    summary="Delete a contact (it can be restored)",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_contact(contact_id: str, caller: Writer) -> Response:
    await service.delete_contact(caller, contact_id)
    return Response(status_code=204)


@router.post(
    "/{contact_id}/restore",
    summary="Restore a deleted contact",
    description="409 for a contact merged into another, or whose email another live contact "
    "has taken meanwhile.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def restore_contact(contact_id: str, caller: Writer) -> ContactRead:
    return ContactRead.of(await service.restore_contact(caller, contact_id))


@router.post(
    "/{contact_id}/merge",
    summary="Merge another contact into this one",
    description="This contact keeps its values and takes the other's where it has none; "
    "emails, phones, tags and followers are unioned; the other's notes, deals and history "
    "move here, and it is deleted with `merged_into`.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotFound, Conflict),
)
async def merge_contact(contact_id: str, body: MergeRequest, caller: Writer) -> ContactRead:
    return ContactRead.of(await merge.merge_contacts(caller, contact_id, body.contact_id))


@router.get(
    "/{contact_id}/activities",
    summary="The contact's history, newest first",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_contact_activities(
    contact_id: str, caller: Reader, paging: Paging
) -> Page[ActivityRead]:
    page = await service.list_activities(caller, contact_id, paging)
    return mapped(page, ActivityRead.of)
