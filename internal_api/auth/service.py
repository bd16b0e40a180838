"""Signing up and in, sessions, switching account and accepting invitations.

A session's secret id is returned once and only its hash is stored (see shared sessions).
Whatever changes what a session may do drops its cached state in Redis, so the router reads
the change from MongoDB on the very next request.
"""

from dataclasses import dataclass
from datetime import timedelta

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError
from redis.asyncio import Redis

from internal_api.accounts.errors import AlreadyMember
from internal_api.accounts.repository import account as account_by_id
from internal_api.auth import email_verification, repository, revocation
from internal_api.auth.errors import (
    EmailTaken,
    InvitationForAnotherEmail,
    InvitationInvalid,
    InvitationUsed,
    NoAccount,
    SignInAsInvitee,
    WrongCredentials,
)
from internal_api.auth.passwords import Passwords
from internal_api.auth.repository import SessionRepository
from internal_api.auth.throttle import LoginThrottle, ThrottlePolicy
from internal_api.auth.two_factor import policy as two_factor
from internal_api.auth.two_factor.challenges import Challenge
from internal_api.extended import Extended
from internal_api.settings import InternalApiSettings
from internal_api.users import repository as users
from internal_api.users.service import Me, me
from shared.domain.accounts.errors import CLOSED
from shared.domain.accounts.users import effective_membership
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.utilities import db, sessions
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound, Unauthorized
from shared.utilities.pagination import Page, PageParams
from shared.utilities.secret_tokens import hash_token


@dataclass(frozen=True)
class Client:
    """Where a session was started from, as shown in the list of sessions."""

    user_agent: str
    ip: str


@dataclass(frozen=True)
class SignIn:
    """What starting a session needs: who asks, the session cache, the settings, the hasher."""

    client: Client
    redis: Redis
    settings: InternalApiSettings
    passwords: Passwords


@dataclass(frozen=True)
class SignedIn:
    session_id: str  # the secret, returned once
    user: User
    account: Account


@dataclass(frozen=True)
class AcceptedInvitation:
    session_id: str | None  # set when accepting created the user
    user: User
    account: Account
    role: Role


async def sign_up(
    email: str, password: str, name: str, account_name: str, context: SignIn
) -> SignedIn:
    """A new agency, its owner and a session for them; all of it, or nothing."""
    account = Account(id=PydanticObjectId(), name=account_name)
    stored: list[User] = []  # the user, once stored

    async def undo() -> None:
        # Without a transaction (the in-memory database): what was stored is deleted, so the
        # email is free again for a retry.
        for user in stored:
            await repository.undo_signup(user, account)

    async with db.transaction(undo=undo):
        user = await insert_user(email, name, password, account, context.passwords)
        stored.append(user)
        await account.insert()
        await add_member(account, user, Role.OWNER)
        session_id = await start_session(user, account, context)
        await email_verification.send_confirmation(user, email, context.settings)
    return SignedIn(session_id, user, account)


async def insert_user(
    email: str, name: str, password: str, default_account: Account, passwords: Passwords
) -> User:
    user = User(
        email=email,
        name=name,
        password_hash=await passwords.hash(password),
        default_account_id=str(default_account.id),
    )
    try:
        return await user.insert()
    except DuplicateKeyError:
        raise EmailTaken(details=[{"field": "email", "message": "already taken"}]) from None


async def add_member(account: Account, user: User, role: Role) -> Membership:
    membership = Membership(
        account_id=account.id, user_id=user.id, role=role, scopes=ROLE_SCOPES[role]
    )
    return await membership.insert()


async def log_in(email: str, password: str, context: SignIn) -> SignedIn | Challenge:
    """A new session for the user, or the challenge of a second step (two-factor
    authentication). A wrong password and an unknown email fail alike; each attempt is counted
    before the password is checked (see `throttle`)."""
    throttle = LoginThrottle(context.redis, ThrottlePolicy.from_settings(context.settings))
    await throttle.reserve(email, context.client.ip)
    user = await users.by_email(email)
    matches = await context.passwords.verify(user.password_hash if user else None, password)
    if user is None or not matches:
        raise WrongCredentials()
    if context.passwords.needs_rehash(user.password_hash):
        await user.set({User.password_hash: await context.passwords.hash(password)})
    account = await starting_account(user)
    if challenge := await two_factor.second_step(user, account, context.settings):
        # Still counted until the second step passes, so a known password cannot be used to
        # start the count of guesses at codes again.
        return challenge
    await throttle.succeeded(email, context.client.ip)
    session_id = await start_session(user, account, context)
    return SignedIn(session_id, user, account)


async def starting_account(user: User) -> Account:
    """The user's default account while they may still act in it, else their first one."""
    default = await account_by_id(user.default_account_id or "")
    if default and user.id and await effective_membership(user.id, default):
        return default
    first = await repository.first_membership(user.id) if user.id else None
    account = await account_by_id(first.account_id) if first else None
    if account is None:
        raise NoAccount()
    return account


async def start_session(
    user: User,
    account: Account,
    context: SignIn,
    *,
    lifetime: timedelta | None = None,
    impersonated_by: PydanticObjectId | None = None,
) -> str:
    """A new session, cached in Redis at once so its first request needs no MongoDB read;
    `impersonated_by` an operator, it is their read-only view as the user (internal_api's
    admin), lasting `lifetime` rather than a sign-in's."""
    settings = context.settings
    session_id = sessions.new_session_id()
    now = utc_now()
    session = await Session(
        token_hash=sessions.hash_session_id(session_id),
        user_id=user.id,
        account_id=account.id,
        expires_at=now + (lifetime or settings.session_lifetime),
        last_seen_at=now,
        user_agent=context.client.user_agent,
        ip=context.client.ip,
        impersonated_by=impersonated_by,
    ).insert()
    state = await sessions.state_from_record(session, settings.session_idle)
    if state is None:
        raise NoAccount()
    await sessions.cache_state(
        context.redis, session.token_hash, state, settings.session_idle, sessions.seal_for(settings)
    )
    return session_id


async def list_sessions(principal: Principal, params: PageParams) -> Page[Extended[Session]]:
    """Sessions neither revoked nor expired, each saying whether it is the caller's (`current`).
    Idle ones are listed too: MongoDB's last_seen_at lags while Redis answers, and hiding a
    live session would keep it from being revoked."""
    page = await SessionRepository(principal.sub).paginate(params, SessionRepository.live())
    listed = [Extended(session, current=str(session.id) == principal.sid) for session in page.data]
    return Page[Extended[Session]](data=listed, pagination=page.pagination)


async def revoke_session(principal: Principal, session_id: str, redis: Redis) -> None:
    """Refused at once everywhere: marked in MongoDB, dropped from Redis."""
    await revocation.revoke(redis, await SessionRepository(principal.sub).get(session_id))


async def switch_account(
    principal: Principal, account_id: str, redis: Redis, idle: timedelta, seal: sessions.StateSeal
) -> Me:
    """Moves the caller's session to an account they may act in; any other answers 404, and
    one suspended or deleted its refusal (the session stays where it was)."""
    account = await account_by_id(account_id)
    user_id = PydanticObjectId(principal.sub)
    if account is None or await effective_membership(user_id, account) is None:
        raise NotFound(f"Account {account_id} does not exist.")
    if account.status in CLOSED:
        raise CLOSED[account.status]()
    await two_factor.check_may_act_in(account, user_id)
    session = await SessionRepository(principal.sub).get(principal.sid)
    # The caller is active right now, whatever MongoDB last saw while Redis answered.
    await session.set({Session.account_id: account.id, Session.last_seen_at: utc_now()})
    state = await sessions.state_from_record(session, idle)
    if state is None:
        await sessions.forget(redis, session.token_hash)
        raise Unauthorized("The session is unknown, expired or revoked.")
    await sessions.cache_state(redis, session.token_hash, state, idle, seal)
    return await me(state.principal())


async def refresh_sessions(redis: Redis, user_id: PydanticObjectId) -> None:
    """Makes each of the user's live sessions read its role from MongoDB on its next use."""
    await sessions.refresh(redis, await SessionRepository(user_id).unrevoked())


async def accept_invitation(
    token: str,
    name: str | None,
    password: str | None,
    caller: Principal | None,
    context: SignIn,
) -> AcceptedInvitation:
    """Joins the invited account: as the signed-in user with the invited email, or as a new
    user made from `name` and `password` when nobody has that email yet."""
    invitation, account = await usable_invitation(token)
    user = await users.by_email(invitation.email)
    if user:
        check_caller_is(user, caller)
    else:
        name, password = given(name=name, password=password)
    if not await repository.claim(invitation):
        raise InvitationUsed()
    new_user = user is None
    if user is None:
        user = await insert_user(
            invitation.email, name or "", password or "", account, context.passwords
        )
    try:
        await add_member(account, user, invitation.role)
    except DuplicateKeyError:
        raise AlreadyMember("You are already a member of this account.") from None
    # A new user joining an account that requires two-factor authentication enrols as they log in.
    starts_session = new_user and not account.require_two_factor
    session_id = await start_session(user, account, context) if starts_session else None
    if new_user:
        await email_verification.send_confirmation(user, user.email, context.settings)
    return AcceptedInvitation(session_id, user, account, invitation.role)


async def usable_invitation(token: str) -> tuple[Invitation, Account]:
    """The invitation the token opens, and its account, while it may be accepted."""
    invitation = await repository.invitation_by_token(hash_token(token))
    if invitation is None or invitation.expires_at <= utc_now():
        raise InvitationInvalid()
    if invitation.accepted_at:
        raise InvitationUsed()
    account = await account_by_id(invitation.account_id)
    if account is None:
        raise InvitationInvalid()
    return invitation, account


def check_caller_is(user: User, caller: Principal | None) -> None:
    if caller is None:
        raise SignInAsInvitee(f"Sign in as {user.email} to accept this invitation.")
    if caller.sub != str(user.id):
        raise InvitationForAnotherEmail()


def given(**fields: str | None) -> list[str]:
    """The values, each required to create the user; 422 naming every one missing."""
    missing = [name for name, value in fields.items() if not value]
    if missing:
        raise InvalidInput(
            f"Required to create the user: {', '.join(missing)}.",
            details=[
                {"field": name, "message": "Required to create the user.", "type": "missing"}
                for name in missing
            ],
        )
    return [value for value in fields.values() if value]
