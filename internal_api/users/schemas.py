from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from internal_api.accounts.schemas import AccountRead
from shared.models.account import AccountKind
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel


class UserRead(DocumentRead):
    email: str
    name: str


class MeRead(ReadModel):
    """The caller, the account they act in, and what they may do there."""

    user: UserRead
    account: AccountRead
    role: Role
    scopes: list[str]


class UserFilters(BaseModel):
    """Which of an account's users a list holds."""

    search: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = Field(
        None, description="part of the name or email, in any case"
    )
    role: Role | None = Field(None, description="their role in the account")


class AccountUserRead(ReadModel):
    id: IdStr
    email: str
    name: str
    role: Role = Field(description="their role in the active account")
    joined_at: datetime
    via_agency: bool = Field(
        description="an owner or admin of the agency, acting in this sub-account as an admin "
        "without a membership of their own"
    )


class ActingAccountRead(ReadModel):
    """An account the caller may act in (`POST /v1/auth/switch-account`)."""

    id: IdStr
    name: str
    kind: AccountKind
    parent_id: IdStr | None = Field(description="the agency of a sub-account")
    role: Role = Field(description="the caller's role there")
    logo_url: str | None = Field(description="its branding's logo")
    active: bool = Field(description="the account the caller's session acts in now")
