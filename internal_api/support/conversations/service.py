"""Opening support conversations (with the bot's first answer), the inbox lists, and the
changes to a conversation's place in it. The state changes themselves are the domain's
(`shared.domain.support.inbox`), as the crons change it too; who may make which is here: the
supporting team assigns and snoozes, either side resolves and reopens."""

from datetime import datetime
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from internal_api.conversation_v2.conversations.reading import Reading, reading, readings
from internal_api.support.bots import BOT_SENDER, Bot
from internal_api.support.conversations.repository import SupportInbox
from internal_api.support.conversations.schemas import (
    AssignmentUpdate,
    SnoozeCreate,
    SupportConversationCreate,
    Team,
)
from internal_api.support.errors import NoSupportTeam, NotTheSupportingTeam, OnTheSupportingTeam
from internal_api.support.placeholders import fill, values_for
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import require_users, users_among
from shared.domain.messages.conversations import open_once
from shared.domain.messages.posting import announce_message, append_message
from shared.domain.support import events, inbox
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind, SupportState, SupportStatus
from shared.models.conversation_message import SenderType
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id

Opened = tuple[Conversation, bool]


async def supporting_account(
    account: Account, team: Team | None, platform_support_id: str
) -> PydanticObjectId:
    """The account asked: the agency, or the platform's support account (an agency's choice
    when it names none)."""
    team = team or (Team.AGENCY if account.parent_id else Team.PLATFORM)
    if team is Team.AGENCY:
        if account.parent_id is None:
            raise NoSupportTeam("The account has no agency to ask.")
        return account.parent_id
    platform = object_id(platform_support_id)
    if platform is None or platform == account.id:
        raise NoSupportTeam("The platform has no support team to ask.")
    return platform


async def open_conversation(
    principal: Principal, body: SupportConversationCreate, bot: Bot, platform_support_id: str
) -> Opened:
    """A new conversation with its first message, and the bot's answer to it; opening again
    with the same client id answers the conversation it opened."""
    account = await accounts.account(PydanticObjectId(principal.account_id))
    assert account is not None, "the caller's account"
    team = await supporting_account(account, body.team, platform_support_id)
    caller = PydanticObjectId(principal.sub)
    if caller in await users_among(team, [caller]):
        raise OnTheSupportingTeam()
    fields = {
        "account_id": account.id,
        "kind": ConversationKind.SUPPORT,
        "support_account_id": team,
        "support": SupportState(),
        "title": body.subject,
        "created_by": principal.sub,
        "last_activity_at": utc_now(),
    }
    if body.client_id:
        conversation, created = await open_once(support_key(principal, body.client_id), **fields)
    else:
        conversation, created = await Conversation(**fields).insert(), True
    if created:
        events.announce(conversation, "opened")
        await post(conversation, SenderType.USER, principal.sub, body.body)
        if answer := bot.answer_for(f"{body.subject}\n{body.body}"):
            filled = fill(answer, await values_for(conversation, None))
            await post(conversation, SenderType.SYSTEM, BOT_SENDER, filled)
    return conversation, created


def support_key(principal: Principal, client_id: str) -> str:
    return f"support:{principal.account_id}:{principal.sub}:{client_id}"


async def post(conversation: Conversation, sender_type: SenderType, sender: str, text: str) -> None:
    """Through the one message write path, as a message posted by the API or the socket."""
    message, _ = await append_message(conversation, sender_type, sender, text)
    await announce_message(conversation, message)


async def list_conversations(
    principal: Principal,
    params: PageParams,
    status: SupportStatus | None,
    answering: bool | None,
    assignee: str | None,
) -> Page[Reading]:
    """`answering`: only those the account answers (True) or asks (False); `assignee`: a
    user id, `me` or `none`."""
    filters: dict = {}
    if status:
        filters["support.status"] = status
    if answering is not None:
        side = "support_account_id" if answering else "account_id"
        filters[side] = PydanticObjectId(principal.account_id)
    if assignee:
        filters["support.assignee_id"] = assignee_filter(principal, assignee)
    page = await SupportInbox(principal).paginate(params, filters)
    return Page[Reading](data=await readings(principal.sub, page.data), pagination=page.pagination)


def assignee_filter(principal: Principal, assignee: str) -> PydanticObjectId | None:
    if assignee == "none":
        return None
    oid = object_id(principal.sub if assignee == "me" else assignee)
    if oid is None:
        raise InvalidInput(
            "assignee is a user id, me or none.",
            details=[{"field": "assignee", "message": "a user id, me or none"}],
            location="query",
        )
    return oid


async def get_conversation(principal: Principal, conversation_id: str) -> Reading:
    return await reading(principal.sub, await SupportInbox(principal).get(conversation_id))


async def answered_by_caller(principal: Principal, conversation_id: str) -> Conversation:
    """The conversation, which the caller's account must be the one supporting."""
    conversation = await SupportInbox(principal).get(conversation_id)
    if str(conversation.support_account_id) != principal.account_id:
        raise NotTheSupportingTeam()
    return conversation


async def assign(principal: Principal, conversation_id: str, body: AssignmentUpdate) -> Reading:
    conversation = await answered_by_caller(principal, conversation_id)
    assignee = None
    if body.assignee_id:
        [assignee] = await require_users(principal.account_id, [body.assignee_id], "assignee_id")
    await inbox.assign(conversation, assignee)
    return await reading(principal.sub, conversation)


async def snooze(principal: Principal, conversation_id: str, body: SnoozeCreate) -> Reading:
    conversation = await answered_by_caller(principal, conversation_id)
    until = in_utc(body.until, body.time_zone)
    if until <= utc_now():
        raise InvalidInput(
            "A snooze ends in the future.",
            details=[{"field": "until", "message": "is not in the future"}],
        )
    await inbox.snooze(conversation, until, body.time_zone)
    return await reading(principal.sub, conversation)


def in_utc(moment: datetime, time_zone: str) -> datetime:
    """A moment meant in `time_zone` (a time without an offset is read there), in UTC, to the
    millisecond as MongoDB keeps it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(time_zone))
    utc = moment.astimezone(ZoneInfo("UTC"))
    return utc.replace(microsecond=utc.microsecond // 1000 * 1000)


async def resolve(principal: Principal, conversation_id: str) -> Reading:
    conversation = await SupportInbox(principal).get(conversation_id)
    await inbox.resolve(conversation)
    return await reading(principal.sub, conversation)


async def reopen(principal: Principal, conversation_id: str) -> Reading:
    conversation = await SupportInbox(principal).get(conversation_id)
    await inbox.reopen(conversation)
    return await reading(principal.sub, conversation)
