from datetime import datetime

from pydantic import Field

from internal_api.accounts.schemas import AccountRead
from internal_api.fields import Email, Name, Password
from internal_api.users.schemas import UserRead
from shared.models.membership import Role
from shared.utilities.schemas import IdStr, ReadModel, WriteModel


class SignupCreate(WriteModel):
    email: Email
    password: Password
    name: Name
    account_name: Name = Field(
        description="the new agency's name; with a signup code, the client business's (the "
        "sub-account's, through the code's template)"
    )
    signup_code: str | None = Field(
        None,
        max_length=64,
        description="an agency's code: sign up as the user of a new sub-account of it",
    )
    referral_visitor: str | None = Field(
        None,
        max_length=64,
        description="the `referral_visitor` a partner's referral link gave the browser: the new "
        "account is attributed to the partner (the agency's programme with a code, the "
        "platform's without)",
    )


class LoginCreate(WriteModel):
    email: Email
    # No minimum here: a login must not tell which passwords the policy would refuse.
    password: str = Field(max_length=256)


class SignedInRead(ReadModel):
    """A new session. `session_id` is its secret: shown once, sent as `x-session-id`."""

    session_id: str
    user: UserRead
    account: AccountRead


class SessionRead(ReadModel):
    id: IdStr
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    ip: str
    current: bool = Field(description="the session this request came with")
    impersonated_by: IdStr | None = Field(
        None, description="the platform operator viewing as the user in this session (read-only)"
    )


class AccountSwitch(WriteModel):
    account_id: str


class InvitationAccept(WriteModel):
    token: str = Field(max_length=256)
    # Needed only when no user has the invited email yet.
    name: Name | None = None
    password: Password | None = None


class InvitationAcceptedRead(ReadModel):
    """The new membership; `session_id` is set when the invitation created the user."""

    session_id: str | None
    user: UserRead
    account: AccountRead
    role: Role


class PasswordResetCreate(WriteModel):
    email: Email


class PasswordResetConfirm(WriteModel):
    token: str = Field(max_length=256)
    password: Password


class EmailConfirm(WriteModel):
    token: str = Field(max_length=256)
