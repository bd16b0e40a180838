"""RFC 7009 revocation and RFC 7662 introspection on authlib's endpoints, and the RFC 8414
metadata that tells a client library where everything is."""

from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7662 import IntrospectionEndpoint
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata

from internal_api.oauth import issuing
from internal_api.oauth.grants import CLIENT_AUTH_METHODS
from internal_api.oauth.protocol import IssuedToken
from internal_api.oauth.scopes import SCOPES_SUPPORTED
from internal_api.oauth.settings import OAuthSettings

TOKEN_PATH = "/v1/oauth/token"
REVOCATION_PATH = "/v1/oauth/revoke"
INTROSPECTION_PATH = "/v1/oauth/introspect"


class Revocation(RevocationEndpoint):
    CLIENT_AUTH_METHODS = CLIENT_AUTH_METHODS

    def query_token(self, token_string, token_type_hint) -> IssuedToken | None:
        found = self.server.wait(issuing.issued, token_string, token_type_hint)
        return IssuedToken(found) if found else None

    def revoke_token(self, token: IssuedToken, request) -> None:
        self.server.wait(issuing.revoke, token.record, self.server.redis)


class Live:
    """An introspected credential found live (authlib asks whether it is expired or revoked)."""

    def __init__(self, answer: dict) -> None:
        self.answer = answer

    def is_expired(self) -> bool:
        return False

    def is_revoked(self) -> bool:
        return False


class Introspection(IntrospectionEndpoint):
    """For the platform's own services only: the route checked the caller's service token."""

    def authenticate_endpoint_client(self, request) -> str:
        return "platform-service"

    def query_token(self, token_string, token_type_hint) -> Live | None:
        answer = self.server.wait(issuing.introspected, token_string)
        return Live(answer) if answer else None

    def check_permission(self, token, client, request) -> bool:
        return True

    def introspect_token(self, token: Live) -> dict:
        return token.answer


def metadata(settings: OAuthSettings) -> dict:
    """RFC 8414's document: the issuer is the platform's public URL, the authorization
    endpoint the dashboard's consent page."""
    issuer = settings.oauth_issuer
    document = AuthorizationServerMetadata(
        issuer=issuer,
        authorization_endpoint=settings.oauth_authorize_url,
        token_endpoint=issuer + TOKEN_PATH,
        revocation_endpoint=issuer + REVOCATION_PATH,
        introspection_endpoint=issuer + INTROSPECTION_PATH,
        scopes_supported=SCOPES_SUPPORTED,
        response_types_supported=["code"],
        response_modes_supported=["query"],
        grant_types_supported=["authorization_code", "refresh_token"],
        token_endpoint_auth_methods_supported=CLIENT_AUTH_METHODS,
        revocation_endpoint_auth_methods_supported=CLIENT_AUTH_METHODS,
        code_challenge_methods_supported=["S256"],
    )
    document.validate()
    return dict(document)
