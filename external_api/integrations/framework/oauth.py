"""The OAuth 2.0 authorization-code flow (RFC 6749) with PKCE (RFC 7636), as most providers
speak it; a provider that differs subclasses `OAuthFlow` and overrides the step that does."""

import base64
import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx

from external_api.integrations.framework.errors import mapped_error
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ConnectedAs

logger = logging.getLogger(__name__)


class GrantRefused(Exception):
    """The token endpoint refused a code or a refresh token (`invalid_grant` and the like)."""


@dataclass(frozen=True)
class OAuthApp:
    client_id: str
    client_secret: str
    authorize_url: str
    token_url: str
    revoke_url: str = ""  # empty: the provider has no revocation endpoint
    scopes: tuple[str, ...] = ()
    pkce: bool = True
    authorize_params: dict[str, str] = field(default_factory=dict)  # provider extras


# What a token answer holds that is never kept outside the sealed credential.
SECRET_FIELDS = frozenset({"access_token", "refresh_token", "id_token", "signature"})


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    refresh_token: str = ""
    expires_in: int | None = None  # seconds
    scopes: list[str] = field(default_factory=list)
    # The answer's other, non-secret fields (Salesforce's `instance_url`, HubSpot's hub id).
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_answer(cls, answer: dict) -> "TokenSet":
        if not answer.get("access_token"):
            raise GrantRefused("the token endpoint answered no access token")
        expires_in = answer.get("expires_in")
        return cls(
            access_token=answer["access_token"],
            refresh_token=answer.get("refresh_token") or "",
            expires_in=int(expires_in) if expires_in else None,
            scopes=str(answer.get("scope") or "").replace(",", " ").split(),
            extra={
                name: str(value)
                for name, value in answer.items()
                if name not in SECRET_FIELDS and isinstance(value, str | int)
            },
        )


def code_verifier() -> str:
    """43 to 128 characters of the unreserved set (RFC 7636 §4.1): 64 from 48 random bytes."""
    return secrets.token_urlsafe(48)


def code_challenge(verifier: str) -> str:
    """S256: the unpadded base64url SHA-256 of the verifier."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OAuthFlow:
    def __init__(self, app: OAuthApp, http: ProviderHttp) -> None:
        self.app = app
        self.http = http

    def authorize_url(self, redirect_uri: str, state: str, verifier: str | None) -> str:
        params = {
            "response_type": "code",
            "client_id": self.app.client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(self.app.scopes),
            "state": state,
            **self.app.authorize_params,
        }
        if verifier:
            params |= {"code_challenge": code_challenge(verifier), "code_challenge_method": "S256"}
        return f"{self.app.authorize_url}?{urlencode(params)}"

    async def exchange(self, code: str, redirect_uri: str, verifier: str | None) -> TokenSet:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        if verifier:
            form["code_verifier"] = verifier
        return await self.token_request(form)

    async def refresh(self, refresh_token: str) -> TokenSet:
        return await self.token_request(
            {"grant_type": "refresh_token", "refresh_token": refresh_token}
        )

    async def token_request(self, form: dict[str, str]) -> TokenSet:
        """POST to the token endpoint, the client authenticated in the form (client_secret_post)."""
        credentials = {"client_id": self.app.client_id, "client_secret": self.app.client_secret}
        response = await self.http.send("POST", self.app.token_url, data={**form, **credentials})
        return self.tokens_from(response)

    def tokens_from(self, response: httpx.Response) -> TokenSet:
        # RFC 6749 §5.2: a refused grant is a 400 (or 401 for client auth) with an error code.
        if response.status_code in (400, 401):
            raise GrantRefused(response_error(response))
        if response.status_code >= 400:
            raise mapped_error(self.http.title, response, self.http.refused)
        return TokenSet.from_answer(response.json())

    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        """What the fresh connection reaches: nothing by default; a provider whose API address
        comes with the tokens (Salesforce's `instance_url`), or whose account id webhooks name
        (HubSpot's hub id), says so here."""
        return ConnectedAs()

    async def revoke(self, token: str) -> None:
        """Best effort (RFC 7009): the connection is removed here whatever the provider says."""
        if not self.app.revoke_url:
            return
        response = await self.http.send("POST", self.app.revoke_url, data={"token": token})
        if response.status_code >= 400:
            logger.warning("%s did not revoke a token: %s", self.http.title, response.status_code)


def response_error(response: httpx.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    error = answer.get("error") if isinstance(answer, dict) else None
    if isinstance(error, dict):  # Facebook's shape
        return str(error.get("message") or error.get("type") or "refused")
    return str(error or f"HTTP {response.status_code}")
