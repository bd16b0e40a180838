"""The platform's documents as authlib sees them: an app as its OAuth client, a stored code, an
issued token, and the user installing an app on an account (authlib's "grant user")."""

import hmac
from dataclasses import dataclass

from authlib.oauth2.rfc6749 import AuthorizationCodeMixin, ClientMixin, TokenMixin
from authlib.oauth2.rfc6749.util import scope_to_list
from beanie import PydanticObjectId

from shared.models.api_app import ApiApp, ApiClientType
from shared.models.api_authorization_code import ApiAuthorizationCode
from shared.models.api_token import ApiToken
from shared.models.base import utc_now
from shared.utilities.secret_tokens import hash_token

GRANT_TYPES = ("authorization_code", "refresh_token")
SECRET_METHODS = ("client_secret_basic", "client_secret_post")


@dataclass(frozen=True)
class Installer:
    """Who approved the app, on which account, under which grant, with which scopes (what the
    user chose among those asked that they hold there)."""

    user_id: PydanticObjectId
    account_id: PydanticObjectId
    grant_id: PydanticObjectId
    scopes: list[str]


@dataclass(frozen=True)
class Client(ClientMixin):
    app: ApiApp

    @property
    def is_public(self) -> bool:
        return self.app.client_type is ApiClientType.PUBLIC

    def get_client_id(self) -> str:
        return self.app.client_id

    def get_default_redirect_uri(self) -> None:
        return None  # every authorization request names its redirect URI

    def get_allowed_scope(self, scope: str | None) -> str | None:
        """What the app asks for (all it may ask when it names none); None when it asks for a
        scope it did not register (authlib answers `invalid_scope`)."""
        asked = scope_to_list(scope) or self.app.scopes
        if not set(asked) <= set(self.app.scopes):
            return None
        return " ".join(dict.fromkeys(asked))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.app.redirect_uris  # exactly, as registered

    def check_client_secret(self, client_secret: str) -> bool:
        stored = self.app.client_secret_hash
        return bool(stored) and hmac.compare_digest(hash_token(client_secret), stored or "")

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none" if self.is_public else method in SECRET_METHODS

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in GRANT_TYPES


@dataclass(frozen=True)
class Code(AuthorizationCodeMixin):
    record: ApiAuthorizationCode

    @property
    def code_challenge(self) -> str | None:
        return self.record.code_challenge

    @property
    def code_challenge_method(self) -> str | None:
        return self.record.code_challenge_method

    def get_redirect_uri(self) -> str:
        return self.record.redirect_uri

    def get_scope(self) -> str:
        return " ".join(self.record.scopes)


@dataclass(frozen=True)
class IssuedToken(TokenMixin):
    record: ApiToken

    def check_client(self, client: Client) -> bool:
        return self.record.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return " ".join(self.record.scopes)

    def get_expires_in(self) -> int:
        return int((self.record.access_expires_at - self.record.created_at).total_seconds())

    def is_expired(self) -> bool:
        return self.record.access_expires_at <= utc_now()

    def is_revoked(self) -> bool:
        return self.record.revoked_at is not None
