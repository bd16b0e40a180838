"""An account: an agency (main account) or one of its client sub-accounts."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import BaseDocument


class AccountKind(StrEnum):
    AGENCY = "agency"
    SUB_ACCOUNT = "sub_account"


class AccountStatus(StrEnum):
    """Where the account is in its lifecycle (`shared.domain.accounts.lifecycle`)."""

    ACTIVE = "active"
    SUSPENDED = "suspended"  # its sessions refused, its webhooks and automations held
    DELETED = "deleted"  # as suspended, restorable for a while, then purged


# The DNS label under a custom domain where its account publishes its token.
DOMAIN_VERIFICATION_LABEL = "_platform-verification"


class PendingDomain(BaseModel):
    """A custom domain asked for and not yet proven: it blocks no other account until the
    account publishes `token` in a TXT record at `record_name` and the check finds it."""

    host: str
    token: str
    requested_at: datetime

    @property
    def record_name(self) -> str:
        return f"{DOMAIN_VERIFICATION_LABEL}.{self.host}"


class Branding(BaseModel):
    """White-label settings the dashboard and outgoing messages use."""

    name: str | None = None
    logo_url: str | None = None
    custom_domain: str | None = None  # proven, so the account's alone
    pending_domain: PendingDomain | None = None
    primary_color: str | None = Field(None, pattern=r"^#[0-9a-fA-F]{6}$")
    secondary_color: str | None = Field(None, pattern=r"^#[0-9a-fA-F]{6}$")


class AccountLocale(BaseModel):
    """The account's own choices; each unset one is the platform's default
    (`shared.domain.accounts.locale`)."""

    phone_region: str | None = None  # ISO 3166 alpha-2: numbers without a country code
    currency: str | None = None  # ISO 4217: totals are shown converted into it
    time_zone: str | None = None  # IANA name: dates in emails and reports


class Account(BaseDocument):
    name: str
    kind: AccountKind = AccountKind.AGENCY
    # The agency a sub-account belongs to; None for an agency.
    parent_id: PydanticObjectId | None = None
    branding: Branding = Field(default_factory=Branding)
    locale: AccountLocale = Field(default_factory=AccountLocale)
    # Members may be limited to the records they own (see the CRM's record-level visibility).
    restrict_members_to_own_records: bool = False
    # Every session in the account is of a user with two-factor authentication (internal_api's
    # auth.two_factor: members without it enrol at their next login).
    require_two_factor: bool = False
    status: AccountStatus = AccountStatus.ACTIVE
    # When the status last changed, and why (a suspension's reason; None for an active one).
    status_since: datetime | None = None
    status_reason: str | None = None
    # The end of the period the agency keeps the sub-account active for (paid up to, say):
    # past it and a grace period, the account is suspended. None: no end.
    active_until: datetime | None = None

    @property
    def agency_id(self) -> PydanticObjectId:
        return self.parent_id or self.id

    class Settings:
        name = "accounts"
        use_state_management = True
        # Unset fields are left out of the stored document rather than stored as null, so the
        # sparse index below holds only the (proven) custom domains that are set. (A partial
        # index would say the same, but mongomock drops partialFilterExpression and then every
        # account without a domain clashes with the next one.) Clear a domain with `save()`, which
        # leaves it out, not with `set(...: None)`, which would store a null.
        keep_nulls = False
        indexes = [
            IndexModel([("parent_id", ASCENDING), ("created_at", ASCENDING)]),
            IndexModel([("branding.custom_domain", ASCENDING)], unique=True, sparse=True),
            # The lifecycle's crons: deleted accounts by when (purge), active ones by their end.
            IndexModel([("status", ASCENDING), ("status_since", ASCENDING)]),
            IndexModel([("status", ASCENDING), ("active_until", ASCENDING)]),
            # The operators' admin: every account, newest first, by kind and name, or searched
            # by name.
            IndexModel([("created_at", DESCENDING)]),
            IndexModel([("kind", ASCENDING), ("name", ASCENDING)]),
            IndexModel([("name", ASCENDING)]),
        ]
