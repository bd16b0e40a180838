from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, HttpUrl, StringConstraints

from internal_api.fields import Email, Name
from shared.models.account import Account, AccountKind, Branding
from shared.models.invitation import Invitation
from shared.models.membership import Membership, Role
from shared.models.user import User

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


class AccountRead(BaseModel):
    id: str
    name: str
    kind: AccountKind
    parent_id: str | None
    branding: Branding
    restrict_members_to_own_records: bool
    created_at: datetime

    @classmethod
    def of(cls, account: Account) -> "AccountRead":
        return cls(
            id=str(account.id),
            name=account.name,
            kind=account.kind,
            parent_id=str(account.parent_id) if account.parent_id else None,
            branding=account.branding,
            restrict_members_to_own_records=account.restrict_members_to_own_records,
            created_at=account.created_at,
        )


class SubAccountCreate(BaseModel):
    name: Name


class BrandingUpdate(BaseModel):
    """Only the fields sent change; null clears one."""

    name: Name | None = None
    logo_url: HttpUrl | None = None
    custom_domain: Hostname | None = Field(None, examples=["app.example-agency.com"])
    primary_color: Colour | None = None
    secondary_color: Colour | None = None


class AccountUpdate(BaseModel):
    name: Name | None = None
    branding: BrandingUpdate | None = None
    # Members (not owners or admins) see only the CRM records they own or follow.
    restrict_members_to_own_records: bool | None = None


class MemberRead(BaseModel):
    user_id: str
    email: str
    name: str
    role: Role
    scopes: list[str]
    joined_at: datetime

    @classmethod
    def of(cls, membership: Membership, user: User) -> "MemberRead":
        return cls(
            user_id=str(membership.user_id),
            email=user.email,
            name=user.name,
            role=membership.role,
            scopes=membership.scopes,
            joined_at=membership.created_at,
        )


class MemberUpdate(BaseModel):
    role: Role


class InvitationCreate(BaseModel):
    email: Email
    role: Role


class InvitationRead(BaseModel):
    id: str
    email: str
    role: Role
    expires_at: datetime
    created_at: datetime

    @classmethod
    def of(cls, invitation: Invitation) -> "InvitationRead":
        return cls(
            id=str(invitation.id),
            email=invitation.email,
            role=invitation.role,
            expires_at=invitation.expires_at,
            created_at=invitation.created_at,
        )


class InvitationCreated(InvitationRead):
    # Returned to the inviter only until the notifications service emails it; it is stored
    # hashed and cannot be read again.
    token: str
