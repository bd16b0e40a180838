"""Signing up and in, sessions, switching account and accepting invitations.

A session's secret id is returned once and only its hash is stored (see shared sessions).
Whatever changes what a session may do drops its cached state in Redis, so the router reads
the change from MongoDB on the very next request.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError
from redis.asyncio import Redis

from internal_api.auth.passwords import hash_password, needs_rehash, verify_password
from internal_api.auth.throttle import LoginThrottle
from internal_api.settings import InternalApiSettings
from internal_api.users.service import Me, me
from shared.domain.accounts.users import effective_membership
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.utilities import sessions
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import OwnedRepository, object_id


@dataclass(frozen=True)
class Client:
    """Where a session was started from, as shown in the list of sessions."""

    user_agent: str
    ip: str


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


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def sign_up(
    email: str,
    password: str,
    name: str,
    account_name: str,
    client: Client,
    redis: Redis,
    settings: InternalApiSettings,
) -> SignedIn:
    """A new agency, its owner and a session for them; all of it, or nothing."""
    account = Account(id=PydanticObjectId(), name=account_name)
    user = await insert_user(email, name, password, default_account_id=account.id)
    try:
        await account.insert()
        await Membership(
            account_id=account.id,
            user_id=user.id,
            role=Role.OWNER,
            scopes=ROLE_SCOPES[Role.OWNER],
        ).insert()
        session_id = await start_session(user, account, client, redis, settings)
    except BaseException:
        # Undone by hand: multi-document transactions need a replica set, which the in-memory
        # database cannot be; the email is free again for a retry.
        await undo_signup(user, account)
        raise
    return SignedIn(session_id, user, account)


async def undo_signup(user: User, account: Account) -> None:
    await Session.find({"user_id": user.id}).delete()
    await Membership.find({"user_id": user.id, "account_id": account.id}).delete()
    await Account.find({"_id": account.id}).delete()
    await user.delete()


async def insert_user(
    email: str, name: str, password: str, default_account_id: PydanticObjectId
) -> User:
    user = User(
        email=email,
        name=name,
        password_hash=await hash_password(password),
        default_account_id=str(default_account_id),
    )
    try:
        return await user.insert()
    except DuplicateKeyError:
        raise Conflict(
            "A user with this email already exists.", details=[{"field": "body.email"}]
        ) from None


async def log_in(
    email: str, password: str, client: Client, redis: Redis, settings: InternalApiSettings
) -> SignedIn:
    """A new session for the user. A wrong password and an unknown email fail alike."""
    throttle = LoginThrottle(
        redis, settings.login_failure_limit, settings.login_failure_window_seconds
    )
    await throttle.check(email)
    user = await User.find_one({"email": email})
    if not await verify_password(user.password_hash if user else None, password):
        await throttle.failed(email)
        raise Unauthorized("The email or password is wrong.")
    await throttle.succeeded(email)
    if needs_rehash(user.password_hash):
        await user.set({User.password_hash: await hash_password(password)})
    account = await starting_account(user)
    session_id = await start_session(user, account, client, redis, settings)
    return SignedIn(session_id, user, account)


async def starting_account(user: User) -> Account:
    """The user's default account while they may still act in it, else their first one."""
    default = object_id(user.default_account_id or "")
    account = await Account.get(default) if default else None
    if account and await effective_membership(user.id, account):
        return account
    first = await Membership.find({"user_id": user.id}).sort("created_at").first_or_none()
    account = await Account.get(first.account_id) if first else None
    if account is None:
        raise Forbidden("You are not a member of any account.")
    return account


async def start_session(
    user: User, account: Account, client: Client, redis: Redis, settings: InternalApiSettings
) -> str:
    """A new session, cached in Redis at once so its first request needs no MongoDB read."""
    session_id = sessions.new_session_id()
    now = utc_now()
    session = await Session(
        token_hash=sessions.hash_session_id(session_id),
        user_id=user.id,
        account_id=account.id,
        expires_at=now + settings.session_lifetime,
        last_seen_at=now,
        user_agent=client.user_agent,
        ip=client.ip,
    ).insert()
    state = await sessions.state_from_record(session, settings.session_idle)
    await sessions.cache_state(redis, session.token_hash, state, settings.session_idle)
    return session_id


def users_sessions(principal: Principal) -> OwnedRepository:
    return OwnedRepository(Session, "user_id", principal.sub)


async def list_sessions(principal: Principal, params: PageParams) -> Page:
    """Sessions neither revoked nor expired. Idle ones are listed too: MongoDB's last_seen_at
    lags while Redis answers, and hiding a live session would keep it from being revoked."""
    live = {"revoked_at": None, "expires_at": {"$gt": utc_now()}}
    return await users_sessions(principal).paginate(params, live)


async def revoke_session(principal: Principal, session_id: str, redis: Redis) -> None:
    """Refused at once everywhere: marked in MongoDB, dropped from Redis."""
    session = await users_sessions(principal).get(session_id)
    if session.revoked_at is None:
        await session.set({Session.revoked_at: utc_now()})
    await sessions.forget(redis, session.token_hash)


async def switch_account(
    principal: Principal, account_id: str, redis: Redis, idle: timedelta
) -> Me:
    """Moves the caller's session to an account they may act in; any other answers 404."""
    target = object_id(account_id)
    account = await Account.get(target) if target else None
    user_id = PydanticObjectId(principal.sub)
    if account is None or await effective_membership(user_id, account) is None:
        raise NotFound(f"Account {account_id} does not exist.")
    session = await users_sessions(principal).get(principal.sid)
    # The caller is active right now, whatever MongoDB last saw while Redis answered.
    await session.set({Session.account_id: account.id, Session.last_seen_at: utc_now()})
    state = await sessions.state_from_record(session, idle)
    if state is None:
        await sessions.forget(redis, session.token_hash)
        raise Unauthorized("The session is unknown, expired or revoked.")
    await sessions.cache_state(redis, session.token_hash, state, idle)
    return await me(state.principal())


async def refresh_sessions(redis: Redis, user_id: PydanticObjectId) -> None:
    """Makes each of the user's live sessions read its role from MongoDB on its next use."""
    async for session in Session.find({"user_id": user_id, "revoked_at": None}):
        # A session still cached has been used within its idle time, though MongoDB's
        # last_seen_at only moves when Redis misses; record that before the next read checks it.
        if await redis.exists(sessions.session_key(session.token_hash)):
            await session.set({Session.last_seen_at: utc_now()})
        await sessions.forget(redis, session.token_hash)


async def accept_invitation(
    token: str,
    name: str | None,
    password: str | None,
    caller: Principal | None,
    client: Client,
    redis: Redis,
    settings: InternalApiSettings,
) -> AcceptedInvitation:
    """Joins the invited account: as the signed-in user with the invited email, or as a new
    user made from `name` and `password` when nobody has that email yet."""
    invitation = await Invitation.find_one({"token_hash": hash_token(token)})
    if invitation is None or invitation.expires_at <= utc_now():
        raise NotFound("The invitation does not exist or has expired.")
    if invitation.accepted_at:
        raise Conflict("The invitation has already been accepted.")
    account = await Account.get(invitation.account_id)
    if account is None:
        raise NotFound("The invitation does not exist or has expired.")
    user = await User.find_one({"email": invitation.email})
    if user:
        check_caller_is(user, caller)
    else:
        check_given(name=name, password=password)
    await claim(invitation)
    new_user = user is None
    if new_user:
        user = await insert_user(invitation.email, name, password, account.id)  # type: ignore[arg-type]
    try:
        await Membership(
            account_id=account.id,
            user_id=user.id,
            role=invitation.role,
            scopes=ROLE_SCOPES[invitation.role],
        ).insert()
    except DuplicateKeyError:
        raise Conflict("You are already a member of this account.") from None
    session_id = await start_session(user, account, client, redis, settings) if new_user else None
    return AcceptedInvitation(session_id, user, account, invitation.role)


def check_caller_is(user: User, caller: Principal | None) -> None:
    if caller is None:
        raise Unauthorized(f"Sign in as {user.email} to accept this invitation.")
    if caller.sub != str(user.id):
        raise Forbidden("This invitation is for another email address.")


def check_given(**fields: str | None) -> None:
    missing = [name for name, value in fields.items() if not value]
    if missing:
        raise InvalidInput(
            f"Invalid fields: {', '.join(f'body.{name}' for name in missing)}.",
            details=[
                {
                    "field": f"body.{name}",
                    "message": "Required to create the user.",
                    "type": "missing",
                }
                for name in missing
            ],
        )


async def claim(invitation: Invitation) -> None:
    """Marks the invitation used, once: of two concurrent accepts, one gets a 409."""
    claimed = await Invitation.find_one({"_id": invitation.id, "accepted_at": None}).update(
        {"$set": {"accepted_at": utc_now()}}
    )
    if not claimed or claimed.modified_count != 1:
        raise Conflict("The invitation has already been accepted.")
