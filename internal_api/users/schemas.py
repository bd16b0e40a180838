from datetime import datetime
from typing import Annotated

from pydantic import Field, HttpUrl, field_validator

from internal_api.accounts.schemas import AccountRead
from internal_api.fields import Email, LanguageTag, Name, Password, Phone, TimeZone
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, ReadModel, WriteModel


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


class MeRead(ReadModel):
    """The caller, the account they act in, and what they may do there."""

    user: UserRead
    account: AccountRead
    role: Role
    scopes: list[str]


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
