import ipaddress
from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, HttpUrl, StringConstraints

from internal_api.fields import Name
from internal_api.oauth.scopes import DESCRIPTIONS
from internal_api.users.schemas import ActingAccountRead
from shared.models.api_app import ApiClientType
from shared.models.membership import ALL_SCOPES
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

LOOPBACK_HOSTS = {"localhost"}


def redirect_uri(uri: str) -> str:
    """https anywhere; http only back to the user's own machine (RFC 8252 section 7.3); a
    native app's private scheme (`com.example.app:/callback`, section 7.1); never a fragment."""
    parts = urlsplit(uri)
    if parts.fragment or "#" in uri:
        raise ValueError("a redirect URI has no fragment")
    if parts.scheme == "https" and parts.hostname:
        return uri
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return uri
    if "." in parts.scheme and parts.scheme not in ("http", "https") and parts.path:
        return uri
    raise ValueError(
        "https, http to a loopback address, or a reverse-domain private scheme (com.example.app:/)"
    )


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def platform_scopes(scopes: list[str]) -> list[str]:
    unknown = [scope for scope in scopes if scope not in ALL_SCOPES]
    if unknown:
        raise ValueError(f"not scopes of the platform: {', '.join(unknown)}")
    return list(dict.fromkeys(scopes))


RedirectUri = Annotated[str, StringConstraints(max_length=2000), AfterValidator(redirect_uri)]
RedirectUris = Annotated[list[RedirectUri], Field(min_length=1, max_length=10)]
Scopes = Annotated[
    list[str], Field(min_length=1, max_length=len(ALL_SCOPES)), AfterValidator(platform_scopes)
]
Website = Annotated[HttpUrl, Field(max_length=2000)]


class AppCreate(WriteModel):
    name: Name
    client_type: ApiClientType = Field(
        ApiClientType.CONFIDENTIAL,
        description="confidential: a server keeping a client secret; public: a browser or "
        "mobile app, which must use PKCE (S256) instead",
    )
    redirect_uris: RedirectUris = Field(description="compared exactly with what the app sends")
    scopes: Scopes = Field(description="what the app may ask users for (GET /v1/oauth/scopes)")
    website: Website | None = None


class AppUpdate(WriteModel):
    """Only the fields sent change. Narrowed scopes hold at once for the tokens already out."""

    name: Name | None = None
    redirect_uris: RedirectUris | None = None
    scopes: Scopes | None = None
    website: Website | None = None


class AppRead(DocumentRead):
    name: str
    client_id: str
    client_type: ApiClientType
    secret_hint: str | None = Field(description="the client secret's last four characters")
    redirect_uris: list[str]
    scopes: list[str]
    website: str | None
    created_by: IdStr


class AppWithSecret(AppRead):
    # Shown this once: only its hash is stored.
    client_secret: str | None = Field(description="null for a public client")


class ScopeRead(ReadModel):
    scope: str
    description: str


SCOPE_TABLE = [ScopeRead(scope=scope, description=DESCRIPTIONS[scope]) for scope in ALL_SCOPES]


class GrantRead(DocumentRead):
    app_id: IdStr
    app_name: str | None = Field(description="null once the app is deleted")
    user_id: IdStr = Field(description="who installed it; the app never has more than they do")
    scopes: list[str]
    last_used_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str | None


class ConsentAppRead(ReadModel):
    id: IdStr
    name: str
    client_id: str
    website: str | None


class ConsentRead(ReadModel):
    """What the dashboard's consent page shows: who asks, for what, where the user may install
    it (their accounts, an agency's sub-accounts among them)."""

    app: ConsentAppRead
    scopes: list[ScopeRead]
    redirect_uri: str
    accounts: list[ActingAccountRead] = Field(description="the first 100, by name")


OAuthParameter = Annotated[str, StringConstraints(max_length=2000)]


class ConsentDecision(WriteModel):
    """The app's authorization request as the consent page received it, and the user's answer."""

    response_type: OAuthParameter
    client_id: OAuthParameter
    redirect_uri: OAuthParameter
    scope: OAuthParameter | None = None
    state: OAuthParameter | None = None
    code_challenge: OAuthParameter | None = None
    code_challenge_method: OAuthParameter | None = None
    approve: bool
    account_id: IdStr | None = Field(None, description="where to install it; needed to approve")

    def oauth_parameters(self) -> dict[str, list[str]]:
        sent = self.model_dump(exclude={"approve", "account_id"}, exclude_none=True)
        return {name: [value] for name, value in sent.items()}


class RedirectRead(ReadModel):
    redirect_to: str = Field(
        description="the app's redirect URI with `code` or `error`, and `state`"
    )


class KeyCreate(WriteModel):
    name: Name
    scopes: Scopes = Field(description="some of the caller's own scopes in the active account")
    expires_in_days: int = Field(
        90, ge=1, le=3650, description="at most INTERNAL_API_API_KEY_MAX_DAYS"
    )


class KeyRead(DocumentRead):
    name: str
    hint: str = Field(description="the key's last four characters")
    scopes: list[str]
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class KeyCreated(KeyRead):
    # Shown this once: only its hash is stored.
    key: str = Field(examples=["pk_kX9..."])
