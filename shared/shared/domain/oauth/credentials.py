"""The secrets the authorization server hands out, each 256 random bits behind a prefix that
tells the router (and a secret scanner) what it is. Only their SHA-256 is stored
(`shared.utilities.secret_tokens.hash_token`)."""

from shared.utilities.secret_tokens import new_token

ACCESS_TOKEN_PREFIX = "oat_"
REFRESH_TOKEN_PREFIX = "ort_"
API_KEY_PREFIX = "pk_"
CLIENT_SECRET_PREFIX = "cs_"
CLIENT_ID_PREFIX = "app_"

# RFC 8414: the metadata lives at the issuer's root, outside /v1/; the gateway and the router
# pass this one path on to internal_api.
METADATA_PATH = "/.well-known/oauth-authorization-server"


def new_credential(prefix: str) -> str:
    return prefix + new_token()


def hint(secret: str) -> str:
    """What tells secrets apart in a list, without revealing them: the last four characters."""
    return secret[-4:]
