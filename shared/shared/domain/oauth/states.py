"""What a third party's credential lets its holder be, for the router to exchange for the
internal JWT exactly as it exchanges a session: an OAuth access token (the grant's account,
the token's scopes) or a personal API key (its account, its scopes), never more than the user
behind it still has there.

MongoDB is the record; Redis caches each state as `bearer:<hash>` for at most CACHE_SECONDS,
sealed with SESSION_STATE_KEY as session states are (a write to Redis alone cannot mint one).
Revoking a credential writes a tombstone over its entry at once (`forget`), and a reader that
looked the credential up just before never overwrites one (it writes only where nothing is):
a revocation holds on the next request that reaches Redis. A change to what the user may do
(a role, a membership, the account suspended) reaches a cached state within CACHE_SECONDS.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from redis.asyncio import Redis

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.errors import CLOSED
from shared.domain.accounts.users import effective_membership
from shared.domain.oauth import repository
from shared.domain.oauth.credentials import ACCESS_TOKEN_PREFIX, API_KEY_PREFIX
from shared.models.account import AccountStatus
from shared.models.membership import Role
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import Forbidden
from shared.utilities.secret_tokens import hash_token
from shared.utilities.sessions import Seal

KEY_PREFIX = "bearer:"
CACHE_SECONDS = 30
# An unknown, expired or revoked credential is remembered as such, so guessing cannot hammer
# MongoDB, and a revoked one is refused without reading it again.
REFUSED = "refused"
REFUSED_SECONDS = 60


class BearerKind(StrEnum):
    OAUTH = "oauth"
    API_KEY = "api_key"


class BearerState(BaseModel):
    kind: BearerKind
    credential_id: str  # the ApiToken's or the ApiKey's id
    app_id: str = ""  # the OAuth app; empty for an API key
    user_id: str
    account_id: str
    agency_id: str
    role: Role
    scopes: list[str]
    owner_verified: bool
    expires_at: datetime
    account_status: AccountStatus = AccountStatus.ACTIVE

    def closed_account(self) -> type[Forbidden] | None:
        return CLOSED.get(self.account_status)

    def principal(self) -> Principal:
        return Principal(
            kind=TokenKind.USER,
            sub=self.user_id,
            account_id=self.account_id,
            agency_id=self.agency_id,
            role=self.role,
            scopes=self.scopes,
            owner_verified=self.owner_verified,
            app_id=self.app_id,
            api_key_id=self.credential_id if self.kind is BearerKind.API_KEY else "",
        )


@dataclass(frozen=True)
class BearerSeal(Seal[BearerState]):
    """Seals and opens the states cached in Redis, under the session states' key."""

    model: type[BearerState] = BearerState
    context: bytes = b"bearer."


def state_key(token_hash: str) -> str:
    return KEY_PREFIX + token_hash


async def lookup(redis: Redis, credential: str, seal: BearerSeal) -> BearerState | None:
    """The live state of an access token or API key; None for anything else."""
    token_hash = hash_token(credential)
    key = state_key(token_hash)
    cached = await redis.get(key)
    if cached == REFUSED:
        return None
    now = datetime.now(UTC)
    state = seal.open(cached) if cached else None
    if state is None:
        state = await recorded_state(credential, token_hash, now)
        if state is None:
            await redis.set(key, REFUSED, ex=REFUSED_SECONDS)
            return None
        ttl = min(CACHE_SECONDS, int((state.expires_at - now).total_seconds()))
        # Only where nothing is: never over a revocation's tombstone written meanwhile.
        await redis.set(key, seal.seal(state), ex=max(1, ttl), nx=True)
    return state if state.expires_at > now else None


async def forget(redis: Redis, token_hashes: Iterable[str]) -> None:
    """Refuses these credentials from the next request on (see the module's docstring)."""
    async with redis.pipeline(transaction=False) as pipe:
        for token_hash in token_hashes:
            pipe.set(state_key(token_hash), REFUSED, ex=REFUSED_SECONDS)
        await pipe.execute()


async def recorded_state(credential: str, token_hash: str, now: datetime) -> BearerState | None:
    if credential.startswith(ACCESS_TOKEN_PREFIX):
        return await access_token_state(token_hash, now)
    if credential.startswith(API_KEY_PREFIX):
        return await api_key_state(token_hash, now)
    return None


async def access_token_state(token_hash: str, now: datetime) -> BearerState | None:
    token = await repository.token_by_access_hash(token_hash)
    if token is None or token.revoked_at or token.access_expires_at <= now:
        return None
    grant = await repository.grant(token.grant_id)
    if grant is None or grant.revoked_at or await repository.app(grant.app_id) is None:
        return None
    state = await user_state(
        BearerKind.OAUTH, str(token.id), grant.user_id, grant.account_id, token.access_expires_at
    )
    if state is None:
        return None
    await repository.mark_grant_used(grant.id, now)
    allowed = set(grant.scopes) & set(state.scopes)
    scopes = [scope for scope in token.scopes if scope in allowed]
    return state.model_copy(update={"app_id": str(grant.app_id), "scopes": scopes})


async def api_key_state(key_hash: str, now: datetime) -> BearerState | None:
    key = await repository.key_by_hash(key_hash)
    if key is None or key.revoked_at or key.expires_at <= now:
        return None
    state = await user_state(
        BearerKind.API_KEY, str(key.id), key.user_id, key.account_id, key.expires_at
    )
    if state is None:
        return None
    await repository.mark_key_used(key.id, now)
    return state.model_copy(
        update={"scopes": [scope for scope in key.scopes if scope in state.scopes]}
    )


async def user_state(
    kind: BearerKind,
    credential_id: str,
    user_id: PydanticObjectId,
    account_id: PydanticObjectId,
    expires_at: datetime,
) -> BearerState | None:
    """What the user may do in the account now (their scopes there, before the credential
    narrows them); None once they are no user of it."""
    account = await accounts.account(account_id)
    membership = await effective_membership(user_id, account) if account else None
    if account is None or membership is None or not await accounts.user(user_id):
        return None
    return BearerState(
        kind=kind,
        credential_id=credential_id,
        user_id=str(user_id),
        account_id=str(account.id),
        agency_id=str(account.agency_id),
        role=membership.role,
        scopes=membership.scopes,
        owner_verified=await accounts.owner_verified(account.agency_id),
        expires_at=expires_at,
        account_status=account.status,
    )
