"""Listing the conversations a user may read, and opening direct, client and prospect ones
(each opened once: asking again answers the one that exists)."""

from beanie import PydanticObjectId

from internal_api.conversation_v2.conversations.reading import Reading, reading, readings
from internal_api.conversation_v2.conversations.repository import SubAccounts, VisibleConversations
from internal_api.conversation_v2.conversations.schemas import (
    ClientConversationCreate,
    DirectCreate,
    ProspectConversationCreate,
)
from shared.domain.accounts.users import require_users
from shared.domain.messages.conversations import (
    direct_key,
    open_once,
    prospect_key,
    visible_conversation,
)
from shared.domain.messages.prospects import prospect_for, update_prospect
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams

# Opened is (the conversation, whether this call created it).
Opened = tuple[Conversation, bool]


async def list_conversations(
    principal: Principal, params: PageParams, kind: ConversationKind | None
) -> Page[Reading]:
    filters = {"kind": kind} if kind else {}
    page = await VisibleConversations(principal).paginate(params, filters)
    return Page[Reading](data=await readings(principal.sub, page.data), pagination=page.pagination)


async def get_conversation(principal: Principal, conversation_id: str) -> Reading:
    return await reading(principal.sub, await visible_conversation(principal, conversation_id))


async def open_direct(principal: Principal, body: DirectCreate) -> Opened:
    """With another user of the account: a member, or the agency's owner or admin acting in
    it."""
    if body.user_id == principal.sub:
        raise InvalidInput(
            "A direct conversation is with another user.",
            details=[{"field": "user_id", "message": "is the caller"}],
        )
    pair = [principal.sub, body.user_id]
    participants = await require_users(principal.account_id, pair, "user_id")
    return await open_once(
        direct_key(principal.account_id, principal.sub, body.user_id),
        account_id=PydanticObjectId(principal.account_id),
        kind=ConversationKind.DIRECT,
        participant_ids=participants,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )


async def client_account(principal: Principal, sub_account_id: str | None) -> Account:
    """The sub-account the conversation is for: the caller's own when they act in a
    sub-account, else one of the caller's agency's sub-accounts."""
    acting_in_sub_account = principal.agency_id and principal.agency_id != principal.account_id
    if acting_in_sub_account:
        if sub_account_id not in (None, principal.account_id):
            raise NotFound(f"Account {sub_account_id} does not exist.")
        sub_account_id = principal.account_id
    elif not sub_account_id:
        raise InvalidInput(
            "Name the sub-account the conversation is with.",
            details=[{"field": "sub_account_id", "message": "required in an agency"}],
        )
    return await SubAccounts(principal.agency_id or principal.account_id).get(sub_account_id)


async def open_client_conversation(
    principal: Principal, body: ClientConversationCreate
) -> Conversation:
    account = await client_account(principal, body.sub_account_id)
    return await Conversation(
        account_id=account.id,
        kind=ConversationKind.CLIENT,
        agency_account_id=account.parent_id,
        title=body.title,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    ).insert()


async def open_prospect_conversation(
    principal: Principal, body: ProspectConversationCreate
) -> Opened:
    """The visitor becomes a prospect of the account on first contact; details sent update it
    (a name titles the conversation)."""
    prospect = await prospect_for(principal.account_id, body.visitor_id)
    await update_prospect(prospect, **body.model_dump(exclude={"visitor_id"}, exclude_unset=True))
    return await open_once(
        prospect_key(prospect.id),
        account_id=prospect.account_id,
        kind=ConversationKind.PROSPECT,
        prospect_id=prospect.id,
        title=prospect.name,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )
