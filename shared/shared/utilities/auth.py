"""Verifying the JWTs the router mints, and the dependencies routes use to require them.

User tokens are signed by the router's key; service tokens by a separate key that services
hold for calling each other. A service token names its caller (`sub`) and the one service it is
for (`aud`): a service accepts only tokens addressed to it, and a route only the callers it
lists. A service token is never accepted where a user is required.
"""

import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, TypeVar

import jwt
from fastapi import Depends, Request
from pydantic import BaseModel

from shared.utilities import context
from shared.utilities.errors import EmailNotVerified, Forbidden, Unauthorized
from shared.utilities.keys import development_key_pair
from shared.utilities.settings import RunMode, ServiceSettings

ALGORITHM = "EdDSA"
SERVICE_TOKEN_SECONDS = 60


class TokenKind(StrEnum):
    USER = "user"
    SERVICE = "service"
    VISITOR = "visitor"


class Principal(BaseModel):
    """Who is calling, as the verified token says."""

    kind: TokenKind
    sub: str  # a user id, a service name or a visitor id
    sid: str = ""  # the session document's id (never the secret session id)
    account_id: str = ""
    agency_id: str = ""
    role: str = ""
    scopes: list[str] = []
    # The owner of the account's agency (the account itself, or a sub-account's agency) has
    # confirmed their email: until then the account may not reach people outside it.
    owner_verified: bool = False
    # One of the platform's operators (their user's platform flag): no membership grants it.
    operator: bool = False
    # The operator viewing the platform as this user, when it is them: every write is refused
    # (`shared.utilities.impersonation`); the dashboard shows a banner.
    impersonated_by: str = ""
    # A third party's call: the OAuth app whose access token the router exchanged, or the
    # user's personal API key (empty for the user's own session).
    app_id: str = ""
    api_key_id: str = ""

    def has_scopes(self, *scopes: str) -> bool:
        return set(scopes) <= set(self.scopes)


PrincipalT = TypeVar("PrincipalT", bound=Principal)


@dataclass(frozen=True)
class TokenVerifier:
    """Checks signature (public key only, algorithm pinned), expiry, issuer and audience."""

    public_key: str
    issuer: str
    audience: str

    # mypy cannot tie a default class to the type variable; callers get Principal by default.
    def verify(self, token: str, claims_model: type[PrincipalT] = Principal) -> PrincipalT:  # type: ignore[assignment]
        """The token's claims as a Principal, or as a subclass carrying more claims."""
        try:
            claims = jwt.decode(
                token,
                self.public_key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("The token has expired.") from None
        except jwt.PyJWTError:
            raise Unauthorized("The token is not valid.") from None
        return claims_model.model_validate(claims)


@dataclass(frozen=True)
class TokenSigner:
    private_key: str
    issuer: str
    audience: str
    lifetime_seconds: int

    def sign(
        self, principal: Principal, now: float | None = None, audience: str | None = None
    ) -> tuple[str, int]:
        """The token and its expiry (seconds since the epoch); `audience` overrides the
        signer's own (a service token names the service it is for)."""
        issued = int(now if now is not None else time.time())
        expires = issued + self.lifetime_seconds
        claims = {
            **principal.model_dump(),
            "iss": self.issuer,
            "aud": audience or self.audience,
            "iat": issued,
            "exp": expires,
        }
        return jwt.encode(claims, self.private_key, algorithm=ALGORITHM), expires


@dataclass(frozen=True)
class Authenticator:
    """What a service verifies with, and the signer for its own calls to other services."""

    users: TokenVerifier
    services: TokenVerifier
    service_signer: TokenSigner


def user_key_pair(settings: ServiceSettings) -> tuple[str, str]:
    """(private, public) for user tokens; the private half is empty outside the router."""
    if settings.jwt_public_key or settings.mode is RunMode.DISTRIBUTED:
        return "", settings.jwt_public_key
    return development_key_pair("user-tokens")


def service_key_pair(settings: ServiceSettings) -> tuple[str, str]:
    if settings.service_token_public_key or settings.mode is RunMode.DISTRIBUTED:
        return settings.service_token_private_key, settings.service_token_public_key
    return development_key_pair("service-tokens")


def authenticator_for(settings: ServiceSettings) -> Authenticator:
    _, user_public = user_key_pair(settings)
    service_private, service_public = service_key_pair(settings)
    issuer = settings.jwt_issuer
    return Authenticator(
        users=TokenVerifier(user_public, issuer, settings.jwt_audience),
        # Only tokens addressed to this service: one taken from a call to another is refused.
        services=TokenVerifier(service_public, issuer, settings.service_name),
        service_signer=TokenSigner(
            service_private, issuer, settings.service_name, SERVICE_TOKEN_SECONDS
        ),
    )


def service_token(authenticator: Authenticator, caller: str, audience: str) -> str:
    """A short-lived token for calling the `audience` service as the `caller` service."""
    principal = Principal(kind=TokenKind.SERVICE, sub=caller, scopes=["internal"])
    return authenticator.service_signer.sign(principal, audience=audience)[0]


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("A bearer token is required.")
    return token


def get_authenticator(request: Request) -> Authenticator:
    return request.app.state.authenticator


async def current_user(request: Request) -> Principal:
    principal: Principal = get_authenticator(request).users.verify(bearer_token(request))
    if principal.kind is not TokenKind.USER:
        raise Unauthorized("A user token is required.")
    # What the request records (the activity log) is attributed to the app acting, if any.
    context.acting_app.set(principal.app_id)
    return principal


async def optional_user(request: Request) -> Principal | None:
    """The user on a public route that also serves signed-in callers: None without a token, and
    401 for a token that is not a valid user token."""
    if "authorization" not in request.headers:
        return None
    return await current_user(request)


async def current_service(request: Request) -> Principal:
    principal: Principal = get_authenticator(request).services.verify(bearer_token(request))
    if principal.kind is not TokenKind.SERVICE:
        raise Unauthorized("A service token is required.")
    return principal


async def current_user_or_service(request: Request) -> Principal:
    token = bearer_token(request)
    authenticator = get_authenticator(request)
    try:
        return await current_user(request)
    except Unauthorized:
        principal: Principal = authenticator.services.verify(token)
        if principal.kind is not TokenKind.SERVICE:
            raise Unauthorized("A user or service token is required.") from None
        return principal


CurrentUser = Annotated[Principal, Depends(current_user)]
OptionalUser = Annotated[Principal | None, Depends(optional_user)]
CurrentService = Annotated[Principal, Depends(current_service)]


def check_caller(principal: Principal, callers: Sequence[str]) -> Principal:
    if principal.sub not in callers:
        raise Forbidden(f"The {principal.sub} service may not call this.")
    return principal


def requires_service(*callers: str) -> Callable:
    """A dependency: a service token from one of the `callers` (service names)."""

    async def check(principal: CurrentService) -> Principal:
        return check_caller(principal, callers)

    return check


def requires(*scopes: str, services: Sequence[str] = ()) -> Callable:
    """A dependency: a user token carrying every scope, or a service token from one of the
    `services` listed (service names)."""
    who = current_user_or_service if services else current_user

    async def check(principal: Annotated[Principal, Depends(who)]) -> Principal:
        if principal.kind is TokenKind.SERVICE:
            return check_caller(principal, services)
        if not principal.has_scopes(*scopes):
            missing = sorted(set(scopes) - set(principal.scopes))
            raise Forbidden(
                f"Missing scope: {', '.join(missing)}.",
                details=[{"scope": scope} for scope in missing],
            )
        return principal

    return check


def verified(dependency: Callable[..., Awaitable[Principal]]) -> Callable:
    """A dependency: the principal `dependency` gives, once its account's owner has confirmed
    their email (EmailNotVerified otherwise). A service passes: its own sends are never held.

        ConnectIntegrations = Annotated[Principal, Depends(verified(requires("account:write")))]
    """

    async def check(principal: Annotated[Principal, Depends(dependency)]) -> Principal:
        if principal.kind is TokenKind.USER and not principal.owner_verified:
            raise EmailNotVerified()
        return principal

    return check
