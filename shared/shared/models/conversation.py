"""A conversation: one thread of messages, of one of five kinds.

- `channel`: a team channel of an account; every user of the account may read it.
- `group`: a named group of users of an account; its participants read it.
- `direct`: two users of an account; its participants read it.
- `client`: between an agency and one of its sub-accounts (`account_id` is the sub-account,
  `agency_account_id` its agency); users acting in either account read it.
- `prospect`: a website visitor (`prospect_id`) and the account's team.
- `support`: an account's users and the team supporting it (`support_account_id`: its agency,
  or the platform's support account), with the inbox's state in `support`; users acting in
  either account read it.

Who may read one, and opening the kinds that exist once per key, is
`shared.domain.messages.conversations`.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConversationKind(StrEnum):
    CHANNEL = "channel"
    GROUP = "group"
    DIRECT = "direct"
    CLIENT = "client"
    PROSPECT = "prospect"
    SUPPORT = "support"


# Kinds every user of the owning account reads; the others list their readers.
ACCOUNT_WIDE_KINDS = [ConversationKind.CHANNEL, ConversationKind.PROSPECT]
PARTICIPANT_KINDS = [ConversationKind.GROUP, ConversationKind.DIRECT]


class LastMessage(BaseModel):
    """The newest message, kept on the conversation so a list needs no second query."""

    id: PydanticObjectId
    sender_id: str
    body: str  # a preview, cut to PREVIEW_LENGTH
    created_at: datetime


PREVIEW_LENGTH = 200


class SupportStatus(StrEnum):
    OPEN = "open"
    SNOOZED = "snoozed"  # until `snoozed_until`, when the snooze cron opens it again
    RESOLVED = "resolved"


class SupportState(BaseModel):
    """A support conversation's place in the supporting team's inbox; it changes through
    `shared.domain.support`, each change a conditional update."""

    status: SupportStatus = SupportStatus.OPEN
    assignee_id: PydanticObjectId | None = None  # a user of the supporting account
    snoozed_until: datetime | None = None  # UTC
    snooze_time_zone: str | None = None  # the IANA zone the snooze was meant in
    resolved_at: datetime | None = None
    # The customer's oldest message nobody on the team has answered yet; None once answered.
    awaiting_reply_since: datetime | None = None
    # When the team was told this wait had gone on too long (once per wait).
    overdue_since: datetime | None = None


class Conversation(TenantDocument):
    kind: ConversationKind
    title: str = ""  # a channel's or group's name; empty for the other kinds
    # The users who read a group or direct conversation.
    participant_ids: list[PydanticObjectId] = []
    agency_account_id: PydanticObjectId | None = None  # client conversations
    prospect_id: PydanticObjectId | None = None  # prospect conversations
    support_account_id: PydanticObjectId | None = None  # support conversations
    support: SupportState | None = None  # support conversations
    # Set on the kinds that exist once per key (see `open_once`): two users have one direct
    # conversation, a prospect one conversation, however often either is opened.
    unique_key: str | None = None
    created_by: str | None = None
    last_message: LastMessage | None = None
    # Lists sort on this; a new conversation sorts by its creation until its first message.
    last_activity_at: datetime | None = None

    class Settings:
        name = "conversations"
        use_state_management = True
        keep_nulls = False  # so the sparse unique index holds only keyed conversations
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("kind", ASCENDING), ("last_activity_at", DESCENDING)]
            ),
            IndexModel([("participant_ids", ASCENDING), ("last_activity_at", DESCENDING)]),
            IndexModel([("agency_account_id", ASCENDING), ("last_activity_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("prospect_id", ASCENDING)]),
            IndexModel([("unique_key", ASCENDING)], unique=True, sparse=True),
            # The supporting team's inbox, by status; the snooze and waiting crons.
            IndexModel(
                [
                    ("support_account_id", ASCENDING),
                    ("support.status", ASCENDING),
                    ("last_activity_at", DESCENDING),
                ],
                sparse=True,
            ),
            IndexModel(
                [("support.status", ASCENDING), ("support.snoozed_until", ASCENDING)], sparse=True
            ),
            IndexModel(
                [("support.awaiting_reply_since", ASCENDING), ("support.overdue_since", ASCENDING)],
                sparse=True,
            ),
        ]
