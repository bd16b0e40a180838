from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from internal_api.conversation_v2.conversations.schemas import ConversationRead
from internal_api.fields import TimeZone
from shared.models.conversation import SupportStatus
from shared.models.conversation_message import MAX_BODY_LENGTH, MAX_CLIENT_ID_LENGTH
from shared.utilities.schemas import IdStr, ReadModel, WriteModel

ObjectIdText = Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]


class Team(StrEnum):
    AGENCY = "agency"  # the account's agency
    PLATFORM = "platform"  # the platform's support team


class SupportConversationCreate(WriteModel):
    team: Team | None = Field(
        None, description="who to ask; none: the agency, or the platform for an agency"
    )
    subject: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=MAX_BODY_LENGTH, description="the first message")
    client_id: str | None = Field(
        None,
        min_length=1,
        max_length=MAX_CLIENT_ID_LENGTH,
        description="the client's own id: opening again with it answers the same conversation",
    )


class AssignmentUpdate(WriteModel):
    assignee_id: ObjectIdText | None = Field(
        description="a user of the supporting account; null: nobody"
    )


class SnoozeCreate(WriteModel):
    until: datetime = Field(description="ISO 8601; without an offset, read in `time_zone`")
    time_zone: TimeZone = Field(description="IANA: the zone the snooze is meant in")


class SupportStateRead(ReadModel):
    status: SupportStatus
    assignee_id: IdStr | None
    snoozed_until: datetime | None
    snooze_time_zone: str | None
    resolved_at: datetime | None
    awaiting_reply_since: datetime | None = Field(
        description="the customer's oldest unanswered message; null once the team answered"
    )
    overdue_since: datetime | None = Field(
        description="when the wait was flagged as too long (QM_SUPPORT_COMMUNICATION_CHECK)"
    )


class SupportConversationRead(ConversationRead):
    support_account_id: IdStr = Field(description="the supporting team's account")
    support: SupportStateRead
