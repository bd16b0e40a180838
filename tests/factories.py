"""Small factories for tests: `create_x(**overrides)` stores an x with sensible defaults.

They need a connected database (the `mongo` fixture, or an app's lifespan).
"""

import itertools
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from beanie import PydanticObjectId

from shared.domain.accounts.repository import owner_verified
from shared.models.account import Account, AccountKind
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.invitation import Invitation
from shared.models.lead import Lead, LeadSource
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.pipeline import Pipeline, Stage
from shared.models.session import Session
from shared.models.user import User
from shared.utilities.auth import Principal, TokenKind, TokenSigner
from shared.utilities.keys import development_key_pair
from shared.utilities.sessions import (
    SessionState,
    hash_session_id,
    new_session_id,
    recorded_state,
)
from shared.utilities.settings import ServiceSettings

PASSWORD = "correct horse battery staple"
# Hashed once: argon2 is slow on purpose.
PASSWORD_HASH = PasswordHasher().hash(PASSWORD)

_numbers = itertools.count(1)


def unique_email() -> str:
    return f"user{next(_numbers)}@example.com"


async def create_account(**overrides) -> Account:
    """An agency unless overridden."""
    return await Account(**{"name": "Agency", **overrides}).insert()


async def create_sub_account(agency: Account, **overrides) -> Account:
    fields = {"name": "Client", "kind": AccountKind.SUB_ACCOUNT, "parent_id": agency.id}
    return await Account(**{**fields, **overrides}).insert()


async def create_user(**overrides) -> User:
    """A user whose password is PASSWORD, their email confirmed unless overridden."""
    fields = {
        "email": unique_email(),
        "name": "Ada",
        "password_hash": PASSWORD_HASH,
        "email_verified_at": utc_now(),
    }
    return await User(**{**fields, **overrides}).insert()


async def create_membership(
    account: Account, user: User, role: Role = Role.OWNER, **overrides
) -> Membership:
    fields = {"account_id": account.id, "user_id": user.id, "role": role}
    return await Membership(**{**fields, "scopes": ROLE_SCOPES[role], **overrides}).insert()


async def create_session(user: User, account: Account, **overrides) -> str:
    """A live session; returns its secret id (what the dashboard sends as x-session-id)."""
    session_id = new_session_id()
    now = utc_now()
    fields = {
        "token_hash": hash_session_id(session_id),
        "user_id": user.id,
        "account_id": account.id,
        "expires_at": now + timedelta(days=1),
        "last_seen_at": now,
    }
    await Session(**{**fields, **overrides}).insert()
    return session_id


async def create_invitation(account: Account, **overrides) -> tuple[Invitation, str]:
    """An invitation to join as a member, and its secret token."""
    token = new_session_id()
    fields = {
        "account_id": account.id,
        "email": unique_email(),
        "role": Role.MEMBER,
        "token_hash": hash_session_id(token),  # the same SHA-256 the service uses
        "invited_by": account.id,
        "expires_at": utc_now() + timedelta(days=1),
    }
    return await Invitation(**{**fields, **overrides}).insert(), token


async def create_pipeline(account: Account, *stage_names: str, **overrides) -> Pipeline:
    """A pipeline with stages of these names (Lead, Qualified, Won by default)."""
    stages = [Stage(name=name) for name in stage_names or ("Lead", "Qualified", "Won")]
    fields = {"account_id": account.id, "name": "Sales", "stages": stages}
    return await Pipeline(**{**fields, **overrides}).insert()


async def create_deal(pipeline: Pipeline, stage: Stage | None = None, **overrides) -> Deal:
    """An open deal last on a stage (the pipeline's first by default)."""
    stage = stage or pipeline.stages[0]
    in_stage = {"account_id": pipeline.account_id, "stage_id": stage.id}
    fields = {
        **in_stage,
        "title": "Website redesign",
        "pipeline_id": pipeline.id,
        "position": await Deal.find(in_stage).count(),
    }
    return await Deal(**{**fields, **overrides}).insert()


def user_token(who: SessionState | Principal, **signer_overrides) -> str:
    """A user JWT as the router would mint it (embedded mode's development key)."""
    settings = ServiceSettings()
    fields = {
        "private_key": development_key_pair("user-tokens")[0],
        "issuer": settings.jwt_issuer,
        "audience": settings.jwt_audience,
        "lifetime_seconds": 300,
    }
    signer = TokenSigner(**{**fields, **signer_overrides})
    principal = who.principal() if isinstance(who, SessionState) else who
    return signer.sign(principal)[0]


def user_headers(account_id: str | None = None) -> dict[str, str]:
    """The Authorization header the router adds for a user of the account (a new one by
    default), for services that need no session or membership behind it."""
    principal = Principal(
        kind=TokenKind.USER,
        sub="user-1",
        account_id=account_id or str(PydanticObjectId()),
        owner_verified=True,
    )
    return {"authorization": f"Bearer {user_token(principal)}"}


@dataclass
class SignedIn:
    """A user with a live session in an account, and the headers the router would add."""

    user: User
    account: Account
    session_id: str  # the secret
    record: Session
    membership: Membership
    owner_verified: bool  # as the router reads it when the session starts

    @property
    def state(self) -> SessionState:
        return SessionState(
            session_id=str(self.record.id),
            user_id=str(self.user.id),
            account_id=str(self.account.id),
            agency_id=str(self.account.agency_id),
            role=self.membership.role,
            scopes=self.membership.scopes,
            owner_verified=self.owner_verified,
            expires_at=self.record.expires_at,
            seen_at=self.record.last_seen_at,
        )

    @property
    def headers(self) -> dict[str, str]:
        """What the router adds once it has checked the session: for a service in-process."""
        return {"authorization": f"Bearer {user_token(self.state)}"}

    @property
    def session_headers(self) -> dict[str, str]:
        """What the dashboard sends: for a request through the gateway and the router."""
        return {"x-session-id": self.session_id}


async def headers_now(session_id: str) -> dict[str, str]:
    """The Authorization header the router would add for the session once its cached state is
    forgotten: its state read from MongoDB now (after a change to what its token says)."""
    state = await recorded_state(hash_session_id(session_id), timedelta(days=1))
    assert state is not None, "a live session"
    return {"authorization": f"Bearer {user_token(state)}"}


async def create_signed_in(
    account: Account | None = None, role: Role = Role.OWNER, **user_overrides
) -> SignedIn:
    """A new user with `role` in the account (a new agency by default), signed in."""
    account = account or await create_account()
    user = await create_user(**user_overrides)
    membership = await create_membership(account, user, role)
    session_id = await create_session(user, account)
    record = await Session.find_one({"token_hash": hash_session_id(session_id)})
    verified = await owner_verified(account.agency_id)
    return SignedIn(user, account, session_id, record, membership, verified)


async def create_contact(account: Account, **overrides) -> Contact:
    """A person with a unique email, stored as is (no service checks, no search terms)."""
    fields = {"account_id": account.id, "first_name": "Grace", "emails": [unique_email()]}
    return await Contact(**{**fields, **overrides}).insert()


async def create_lead(contact: Contact, **overrides) -> Lead:
    """A form lead of a known contact's, stored as is."""
    fields = {
        "account_id": contact.account_id,
        "contact_id": contact.id,
        "source": LeadSource.FORM,
        "new_contact": False,
    }
    return await Lead(**{**fields, **overrides}).insert()
