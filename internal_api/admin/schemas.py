from datetime import datetime
from typing import Annotated, Any, Literal

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, HttpUrl, StringConstraints

from internal_api.accounts.schemas import AccountRead
from shared.models.account import AccountKind, AccountStatus
from shared.models.admin_audit_entry import AdminAction
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=500),
    Field(description="why: kept in the admin audit log with the action"),
]


class ReasonGiven(WriteModel):
    reason: Reason


class AccountFilters(BaseModel):
    search: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
        | None
    ) = Field(
        None,
        description="an account's id, part of its name (any case), or the start of a member's "
        "email",
    )
    kind: AccountKind | None = None
    status: AccountStatus | None = None


class MemberRead(ReadModel):
    user_id: IdStr
    email: str
    name: str
    role: Role
    joined_at: datetime


class FlagRead(ReadModel):
    name: str
    description: str
    default: bool
    enabled: bool = Field(description="as it is for the account")


class AccountDetail(AccountRead):
    members: list[MemberRead] = Field(description="its members, the first hundred to join")
    sub_accounts: int = Field(description="how many sub-accounts it has (an agency)")
    feature_flags: list[FlagRead]


class FlagUpdate(WriteModel):
    enabled: bool
    reason: Reason


class ImpersonationCreate(WriteModel):
    user_id: PydanticObjectId
    account_id: PydanticObjectId | None = Field(
        None, description="an account the user acts in; none: the one their sign-in starts in"
    )
    reason: Reason


class ImpersonationRead(ReadModel):
    session_id: str = Field(
        description="shown once: send it as x-session-id to view the platform as the user, "
        "read-only, until it expires or signs out"
    )
    user_id: IdStr
    account_id: IdStr
    expires_at: datetime


class AuditEntryRead(DocumentRead):
    operator_id: IdStr
    action: AdminAction
    target_type: str
    target_id: str
    account_id: IdStr | None
    reason: str
    request_id: str
    details: dict[str, Any]


class AuditFilters(BaseModel):
    operator_id: PydanticObjectId | None = None
    target_id: Annotated[str, StringConstraints(max_length=64)] | None = None
    account_id: PydanticObjectId | None = None
    action: AdminAction | None = None

    def query(self) -> dict[str, Any]:
        return {name: value for name, value in self.model_dump().items() if value is not None}


class AnnouncementCreate(WriteModel):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    link_url: Annotated[HttpUrl, Field(max_length=2000)] | None = Field(None, description="http(s)")
    reason: Reason


class AnnouncementRead(ReadModel):
    id: IdStr
    title: str
    body: str = Field(description="plain text")
    link_url: str | None
    published_at: datetime


class QueueRead(ReadModel):
    name: str
    kind: Literal["queue", "cron"]
    switched_on: bool
    length: int = Field(description="tasks waiting in Redis (not those a worker holds)")
    consumers: list[str] = Field(description="workers consuming it now")


class SwitchRead(ReadModel):
    name: str
    variable: str = Field(description="QM_<NAME>")
    on: bool
    kind: Literal["queue", "cron"]
    description: str


class DeadLetterRead(ReadModel):
    id: IdStr
    task_id: str
    task_name: str
    kwargs: dict[str, Any]
    error: str
    attempts: int
    failed_at: datetime
    redriven_at: datetime | None
