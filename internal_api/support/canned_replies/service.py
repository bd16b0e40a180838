"""A supporting team's canned replies (an agency's, or the platform support account's), and
one filled for a conversation the team answers."""

from beanie import PydanticObjectId

from internal_api.support.canned_replies.repository import CannedReplies
from internal_api.support.canned_replies.schemas import CannedReplyCreate, CannedReplyUpdate
from internal_api.support.conversations.service import answered_by_caller
from internal_api.support.errors import NotASupportingAccount
from internal_api.support.placeholders import fill, values_for
from shared.domain.accounts import repository as accounts
from shared.models.support_canned_reply import SupportCannedReply
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


async def replies_of(principal: Principal, platform_support_id: str) -> CannedReplies:
    """The caller's account's replies, if it supports others: an agency, or the platform's
    support account."""
    account = await accounts.account(PydanticObjectId(principal.account_id))
    assert account is not None, "the caller's account"
    if account.parent_id is not None and principal.account_id != platform_support_id:
        raise NotASupportingAccount()
    return CannedReplies(principal.account_id)


async def list_replies(
    principal: Principal, platform_support_id: str, params: PageParams, text: str | None
) -> Page[SupportCannedReply]:
    replies = await replies_of(principal, platform_support_id)
    return await replies.paginate(params, CannedReplies.matching(text) if text else None)


async def create_reply(
    principal: Principal, platform_support_id: str, body: CannedReplyCreate
) -> SupportCannedReply:
    replies = await replies_of(principal, platform_support_id)
    reply = SupportCannedReply(
        account_id=replies.account_id, created_by=principal.sub, **body.model_dump()
    )
    return await replies.insert(reply)


async def get_reply(
    principal: Principal, platform_support_id: str, reply_id: str
) -> SupportCannedReply:
    return await (await replies_of(principal, platform_support_id)).get(reply_id)


async def update_reply(
    principal: Principal, platform_support_id: str, reply_id: str, body: CannedReplyUpdate
) -> SupportCannedReply:
    replies = await replies_of(principal, platform_support_id)
    reply = await replies.get(reply_id)
    for field, value in body.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(reply, field, value)
    await replies.save(reply)
    return reply


async def delete_reply(principal: Principal, platform_support_id: str, reply_id: str) -> None:
    await (await replies_of(principal, platform_support_id)).delete(reply_id)


async def filled_reply(
    principal: Principal, platform_support_id: str, conversation_id: str, reply_id: str
) -> tuple[SupportCannedReply, str]:
    """The reply with its placeholders filled from the conversation, the caller the agent."""
    conversation = await answered_by_caller(principal, conversation_id)
    reply = await get_reply(principal, platform_support_id, reply_id)
    return reply, fill(reply.body, await values_for(conversation, principal.sub))
