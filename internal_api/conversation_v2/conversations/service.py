"""Listing the conversations a user may read, and opening direct, client and prospect ones
(each opened once: asking again answers the one that exists)."""

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from internal_api.conversation_v2.access import VisibleConversations, visible_conversation
from internal_api.conversation_v2.conversations.reading import Reading, reading, readings
from internal_api.conversation_v2.conversations.schemas import (
    ClientConversationCreate,
    DirectCreate,
    ProspectConversationCreate,
)
from internal_api.conversation_v2.members import as_object_ids, require_members
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.conversation import (
    Conversation,
    ConversationKind,
    direct_key,
    open_once,
    prospect_key,
)
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

# Opened is (the conversation, whether this call created it).
Opened = tuple[Conversation, bool]


async def list_conversations(
    principal: Principal, params: PageParams, kind: ConversationKind | None
) -> Page[Reading]:
    """Most recently active first."""
    by_activity = params.model_copy(update={"sort": "-last_activity_at"})
    filters = {"kind": kind} if kind else {}
    page = await VisibleConversations(principal).paginate(by_activity, filters)
    return Page[Reading](data=await readings(principal.sub, page.data), pagination=page.pagination)


async def get_conversation(principal: Principal, conversation_id: str) -> Reading:
    return await reading(principal.sub, await visible_conversation(principal, conversation_id))


async def open_direct(principal: Principal, body: DirectCreate) -> Opened:
    if body.user_id == principal.sub:
        raise InvalidInput(
            "A direct conversation is with another user.",
            details=[{"field": "user_id", "message": "is the caller"}],
        )
    await require_members(principal.account_id, [body.user_id], "user_id")
    return await open_once(
        direct_key(principal.account_id, principal.sub, body.user_id),
        account_id=PydanticObjectId(principal.account_id),
        kind=ConversationKind.DIRECT,
        participant_ids=as_object_ids([principal.sub, body.user_id]),
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )


async def client_account(principal: Principal, sub_account_id: str | None) -> Account:
    """The sub-account the conversation is for: the caller's own when they act in a
    sub-account, else one of the caller's agency's sub-accounts."""
    acting_in_sub_account = principal.agency_id and principal.agency_id != principal.account_id
    if acting_in_sub_account:
        sub_account_id = sub_account_id or principal.account_id
        if sub_account_id != principal.account_id:
            raise NotFound(f"Account {sub_account_id} does not exist.")
    elif not sub_account_id:
        raise InvalidInput(
            "Name the sub-account the conversation is with.",
            details=[{"field": "sub_account_id", "message": "required in an agency"}],
        )
    found = await Account.find_one(
        {
            "_id": PydanticObjectId(sub_account_id),
            "parent_id": PydanticObjectId(principal.agency_id or principal.account_id),
        }
    )
    if found is None:
        raise NotFound(f"Account {sub_account_id} does not exist.")
    return found


async def open_client_conversation(
    principal: Principal, body: ClientConversationCreate
) -> Conversation:
    account = await client_account(principal, body.sub_account_id)
    return await Conversation(
        account_id=account.id,  # type: ignore[arg-type]
        kind=ConversationKind.CLIENT,
        agency_account_id=account.parent_id,
        title=body.title,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    ).insert()


async def prospect_for(
    principal: Principal, body: ProspectConversationCreate
) -> ConversationProspect:
    """The account's prospect for this visitor, made on first contact; details sent update it."""
    prospects = TenantRepository(ConversationProspect, principal.account_id)
    details = body.model_dump(exclude={"visitor_id"}, exclude_unset=True)
    found = await ConversationProspect.find_one(prospects.scoped({"visitor_id": body.visitor_id}))
    if found is None:
        try:
            return await prospects.create(
                visitor_id=body.visitor_id, last_seen_at=utc_now(), **details
            )
        except DuplicateKeyError:  # the same visitor arrived twice at once
            found = await ConversationProspect.find_one(
                prospects.scoped({"visitor_id": body.visitor_id})
            )
    await found.set({**details, "last_seen_at": utc_now()})  # type: ignore[union-attr]
    return found  # type: ignore[return-value]


async def open_prospect_conversation(
    principal: Principal, body: ProspectConversationCreate
) -> Opened:
    prospect = await prospect_for(principal, body)
    return await open_once(
        prospect_key(prospect.id),
        account_id=prospect.account_id,
        kind=ConversationKind.PROSPECT,
        prospect_id=prospect.id,
        title=prospect.name,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )
