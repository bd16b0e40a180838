from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field, HttpUrl, StringConstraints

from internal_api.fields import CurrencyCode, Email, Name, PhoneRegion, TimeZone
from shared.models.account import AccountKind, AccountLocale, AccountStatus
from shared.models.membership import Role
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", examples=["#1a73e8"])]
Hostname = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        max_length=253,
        pattern=r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$",
    ),
    AfterValidator(str.lower),
]


class PendingDomainRead(ReadModel):
    """What to publish in DNS for the domain to become the account's."""

    host: str
    record_name: str = Field(description="the TXT record to create")
    token: str = Field(description="the value the record must hold")
    requested_at: datetime


class BrandingRead(ReadModel):
    name: str | None
    logo_url: str | None
    custom_domain: str | None = Field(description="the account's proven custom domain")
    pending_domain: PendingDomainRead | None = Field(
        description="a custom domain asked for, until DNS proves it"
    )
    primary_color: str | None
    secondary_color: str | None


class AccountRead(DocumentRead):
    name: str
    kind: AccountKind
    parent_id: IdStr | None
    branding: BrandingRead
    locale: AccountLocale = Field(
        description="the account's choices; null: the platform default (DEFAULT_PHONE_REGION, "
        "DEFAULT_CURRENCY, DEFAULT_TIME_ZONE)"
    )
    restrict_members_to_own_records: bool
    require_two_factor: bool = Field(
        description="every session in the account is of a user with two-factor authentication"
    )
    status: AccountStatus = Field(
        description="active; suspended (its sessions refused, its webhooks and automations "
        "held); deleted (the same, restorable for 30 days, then purged)"
    )
    status_since: datetime | None = Field(description="when the status last changed")
    status_reason: str | None = Field(description="why it was suspended")
    active_until: datetime | None = Field(
        description="the end of its active period: past it and a grace period, it is suspended"
    )


class SubAccountCreate(WriteModel):
    name: Name


class SubAccountUpdate(WriteModel):
    """Only the fields sent change."""

    name: Name | None = None
    active_until: AwareDatetime | None = Field(
        None,
        description="the end of the sub-account's active period (paid up to, say): once it and "
        "the platform's grace period have passed, the sub-account is suspended; null: no end. "
        "Extend it before reactivating one suspended for it, or the next check suspends it again",
    )


class Suspension(WriteModel):
    reason: str | None = Field(
        None, max_length=500, description="why, shown on the account (`status_reason`)"
    )


class BrandingUpdate(WriteModel):
    """Only the fields sent change; null clears one."""

    name: Name | None = None
    logo_url: HttpUrl | None = None
    custom_domain: Hostname | None = Field(None, examples=["app.example-agency.com"])
    primary_color: Colour | None = None
    secondary_color: Colour | None = None


class LocaleUpdate(WriteModel):
    """Only the fields sent change; null goes back to the platform's default."""

    phone_region: PhoneRegion | None = Field(
        None, description="ISO 3166 country of phone numbers written without a country code"
    )
    currency: CurrencyCode | None = Field(
        None, description="ISO 4217 currency the deal board's totals are converted into"
    )
    time_zone: TimeZone | None = Field(None, description="IANA time zone of dates in emails")


class AccountUpdate(WriteModel):
    name: Name | None = None
    branding: BrandingUpdate | None = None
    locale: LocaleUpdate | None = None
    # Members (not owners or admins) see only the CRM records they own or follow.
    restrict_members_to_own_records: bool | None = None
    # Members without two-factor authentication are signed out and enrol at their next login.
    require_two_factor: bool | None = None


class MemberRead(ReadModel):
    user_id: IdStr
    email: str
    name: str
    role: Role
    scopes: list[str]
    joined_at: datetime


class MemberUpdate(WriteModel):
    role: Role


class OwnershipTransferCreate(WriteModel):
    user_id: str = Field(max_length=64, description="the member to become the owner")
    password: str = Field(max_length=256, description="the caller's password")


class OwnershipTransferRead(ReadModel):
    owner: MemberRead = Field(description="the member now owner")
    previous_owner: MemberRead = Field(description="the caller, now an admin")


class InvitationCreate(WriteModel):
    email: Email
    role: Role


class InvitationRead(DocumentRead):
    email: str
    role: Role
    expires_at: datetime
