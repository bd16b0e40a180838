"""What a provider is to the framework: the one object each provider folder declares.

A provider folder's `provider.py` builds a `Provider`; `external_api.integrations.registry`
lists them, and the app mounts each one's connect routes and own routes under `/v1/e/<name>`.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
from fastapi import APIRouter
from pydantic import Field, SecretStr

from external_api.integrations.framework.errors import refused_when_401
from shared.models.integration_credential import (
    ApiKeyCredential,
    IntegrationCredential,
    OAuthCredential,
)
from shared.utilities.schemas import WriteModel

if TYPE_CHECKING:
    from external_api.integrations.framework.http import ProviderHttp
    from external_api.integrations.framework.oauth import OAuthFlow
    from external_api.settings import ExternalApiSettings


class AuthKind(StrEnum):
    OAUTH = "oauth"
    API_KEY = "api_key"
    PLATFORM = "platform"  # the platform's own credentials, set by its operators


class ApiKeyConnect(WriteModel):
    """The body of `PUT /v1/e/<provider>/key`; a provider needing more (an account id, a
    region) subclasses it with those fields."""

    api_key: SecretStr = Field(min_length=1, max_length=1000)


@dataclass(frozen=True)
class ConnectedAs:
    """What the provider says the credential reaches, found while checking it."""

    external_id: str = ""
    label: str = ""
    options: dict[str, Any] = field(default_factory=dict)


ConnectT = TypeVar("ConnectT", bound=ApiKeyConnect)


@dataclass(frozen=True)
class ApiKeyCheck(Generic[ConnectT]):
    """How an API-key provider checks a key once, before it is stored: `validate` calls the
    provider with it (raising the mapped error when refused) and says what it reaches."""

    body: type[ConnectT]
    validate: Callable[["ProviderHttp", ConnectT], Awaitable[ConnectedAs]]
    # The request arguments (headers, params or auth) a call with the key carries.
    apply: Callable[[str, IntegrationCredential], dict[str, Any]]


@dataclass(frozen=True)
class Provider:
    name: str  # the path segment: /v1/e/<name>/...
    title: str  # in messages: "Google Analytics"
    credential: type[IntegrationCredential]
    base_url: Callable[["ExternalApiSettings"], str]
    router: APIRouter | None = None  # the provider's own routes, mounted under /v1/e/<name>
    # OAuth providers: the flow (authorize URL, code exchange, refresh, revoke) from settings.
    oauth: Callable[["ExternalApiSettings", "ProviderHttp"], "OAuthFlow"] | None = None
    # API-key providers.
    api_key: ApiKeyCheck[Any] | None = None
    # Whether an error answer refuses the credential (409 reconnect_needed): a 401 unless
    # the provider says so otherwise.
    refused: Callable[[httpx.Response], bool] = refused_when_401
    # How a call carries an OAuth access token: `(request, token) -> request`; None is
    # `Authorization: Bearer` (TikTok's Marketing API wants an `Access-Token` header).
    authorize: Callable[[dict[str, Any], str], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        if (self.oauth is None) == (self.api_key is None):
            raise ValueError(f"{self.name}: give exactly one of oauth and api_key")
        wanted = OAuthCredential if self.oauth else ApiKeyCredential
        if not issubclass(self.credential, wanted):
            raise ValueError(f"{self.name}: its credential must be an {wanted.__name__}")

    @property
    def auth(self) -> AuthKind:
        return AuthKind.OAUTH if self.oauth else AuthKind.API_KEY


@dataclass(frozen=True)
class PlatformProvider:
    """A provider the platform uses with its own credentials, for every account: configured
    or not by the platform's settings, never connected by an account."""

    name: str
    title: str
    configured: Callable[["ExternalApiSettings"], bool]


@dataclass(frozen=True)
class Listing:
    """A provider as the catalogue shows it, whether or not this build has it."""

    name: str
    title: str
    category: str
    does: str  # one line: what the platform does with it
    auth: AuthKind
