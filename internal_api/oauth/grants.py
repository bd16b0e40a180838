"""authlib's authorization-code and refresh-token grants and PKCE, on the platform's store.

authlib is synchronous: the server runs it in a worker thread, and each hook below hands its
store work to the event loop (`server.wait`, internal_api.oauth.server)."""

from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.errors import InvalidGrantError, InvalidRequestError
from authlib.oauth2.rfc7636 import CodeChallenge

from internal_api.oauth import issuing
from internal_api.oauth.protocol import Code, Installer, IssuedToken

# Confidential clients authenticate with their secret, public ones send only their client id.
CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CLIENT_AUTH_METHODS

    def save_authorization_code(self, code, request) -> None:
        installer: Installer = request.user
        challenge = (
            request.payload.data.get("code_challenge"),
            request.payload.data.get("code_challenge_method"),
        )
        self.server.wait(
            issuing.store_code,
            code,
            request.client,
            installer,
            request.payload.redirect_uri,
            challenge,
            self.server.code_lifetime,
        )

    def query_authorization_code(self, code, client) -> Code | None:
        found = self.server.wait(issuing.code_to_exchange, code, client, self.server.redis)
        return Code(found) if found else None

    def authenticate_user(self, authorization_code: Code) -> Installer:
        # Claimed here, after the redirect URI and the PKCE verifier were checked.
        installer = self.server.wait(
            issuing.claim_code, authorization_code.record, self.server.redis
        )
        if installer is None:
            raise InvalidGrantError("The code was used already, or its grant was revoked.")
        return installer

    def delete_authorization_code(self, authorization_code: Code) -> None:
        """Kept, marked used (claim_code): a replay is then recognised and revokes the grant."""


class RefreshTokenGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CLIENT_AUTH_METHODS
    INCLUDE_NEW_REFRESH_TOKEN = True  # rotation: each refresh token works once

    def authenticate_refresh_token(self, refresh_token) -> IssuedToken | None:
        found = self.server.wait(issuing.refresh_to_rotate, refresh_token, self.server.redis)
        return IssuedToken(found) if found else None

    def authenticate_user(self, refresh_token: IssuedToken) -> Installer:
        installer = self.server.wait(
            issuing.claim_rotation, refresh_token.record, self.server.redis
        )
        if installer is None:
            raise InvalidGrantError("The refresh token was used already; its grant is revoked.")
        return installer

    def revoke_old_credential(self, refresh_token: IssuedToken) -> None:
        """Rotated already, when it was claimed (authenticate_user)."""


class PkceS256(CodeChallenge):
    """PKCE with S256 only (`plain` would hand the verifier to whoever sees the request), and
    required of public clients, which have no secret to prove who they are."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def __init__(self) -> None:
        super().__init__(required=True)

    def validate_code_challenge(self, grant, redirect_uri) -> None:
        super().validate_code_challenge(grant, redirect_uri)
        data = grant.request.payload.data
        if grant.request.client.is_public and not data.get("code_challenge"):
            raise InvalidRequestError("Public clients must send a PKCE code_challenge (S256).")
        if data.get("code_challenge") and data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("The code_challenge_method must be S256.")
