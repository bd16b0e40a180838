from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, HttpUrl, StringConstraints, field_validator

from internal_api.accounts.schemas import AccountRead
from internal_api.fields import Email, LanguageTag, Name, Password, Phone, TimeZone
from shared.models.account import AccountKind
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class UserRead(DocumentRead):
    email: str
    name: str
    email_verified_at: datetime | None = Field(
        description="when the user confirmed their email; null until they follow the link mailed"
    )
    avatar_url: str | None
    phone: str | None
    time_zone: str | None
    locale: str | None


class ImpersonatorRead(ReadModel):
    id: IdStr
    name: str


class MeRead(ReadModel):
    """The caller, the account they act in, and what they may do there."""

    user: UserRead
    account: AccountRead
    role: Role
    scopes: list[str]
    operator: bool = Field(description="one of the platform's operators (the admin is theirs)")
    impersonated_by: ImpersonatorRead | None = Field(
        description="the platform operator viewing the platform as this user: the session is "
        "read-only (every write answers 403 `impersonation_read_only`); show a banner"
    )


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


class UserUpdate(WriteModel):
    """Only the fields sent change; null clears one (the name cannot be cleared)."""

    name: Name | None = None
    avatar_url: HttpUrl | None = None
    phone: Phone | None = Field(None, description="E.164, with its country code")
    time_zone: TimeZone | None = Field(None, description="IANA time zone")
    locale: LanguageTag | None = Field(None, description="BCP 47 language tag")

    @field_validator("name")
    @classmethod
    def name_is_kept(cls, name: str | None) -> str:
        if name is None:
            raise ValueError("the name cannot be cleared")
        return name


# No minimum on a current password: the answer must not tell which ones the policy refuses.
CurrentPassword = Annotated[str, Field(max_length=256)]


class PasswordChange(WriteModel):
    current_password: CurrentPassword
    new_password: Password


class EmailChange(WriteModel):
    email: Email
    current_password: CurrentPassword
