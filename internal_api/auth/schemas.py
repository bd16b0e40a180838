from datetime import datetime

from pydantic import BaseModel, Field

from internal_api.accounts.schemas import AccountRead
from internal_api.fields import Email, Name, Password
from internal_api.users.schemas import UserRead
from shared.models.membership import Role
from shared.models.session import Session


class SignupCreate(BaseModel):
    email: Email
    password: Password
    name: Name
    account_name: Name


class LoginCreate(BaseModel):
    email: Email
    # No minimum here: a login must not tell which passwords the policy would refuse.
    password: str = Field(max_length=256)


class SignedInRead(BaseModel):
    """A new session. `session_id` is its secret: shown once, sent as `x-session-id`."""

    session_id: str
    user: UserRead
    account: AccountRead


class SessionRead(BaseModel):
    id: str
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    ip: str
    current: bool  # the session this request came with

    @classmethod
    def of(cls, session: Session, current_id: str) -> "SessionRead":
        return cls(
            id=str(session.id),
            created_at=session.created_at,
            last_seen_at=session.last_seen_at,
            user_agent=session.user_agent,
            ip=session.ip,
            current=str(session.id) == current_id,
        )


class AccountSwitch(BaseModel):
    account_id: str


class InvitationAccept(BaseModel):
    token: str
    # Needed only when no user has the invited email yet.
    name: Name | None = None
    password: Password | None = None


class InvitationAcceptedRead(BaseModel):
    """The new membership; `session_id` is set when the invitation created the user."""

    session_id: str | None
    user: UserRead
    account: AccountRead
    role: Role
