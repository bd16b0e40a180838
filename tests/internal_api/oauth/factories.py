"""Apps, grants and tokens for the oauth tests, and the user's part of the flow (the consent
page, driven as the dashboard drives it)."""

import base64
import hashlib
import secrets
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
from beanie import PydanticObjectId

from shared.domain.oauth.credentials import (
    ACCESS_TOKEN_PREFIX,
    API_KEY_PREFIX,
    REFRESH_TOKEN_PREFIX,
    new_credential,
)
from shared.models.account import Account
from shared.models.api_app import ApiApp, ApiClientType
from shared.models.api_grant import ApiGrant
from shared.models.api_key import ApiKey
from shared.models.api_token import ApiToken
from shared.models.base import utc_now
from shared.models.user import User
from shared.utilities.secret_tokens import hash_token

REDIRECT_URI = "https://acme.example/oauth/callback"
SCOPES = ["contacts:read", "contacts:write"]
SECRET = "cs_the-apps-own-secret"


async def create_api_app(account: Account, **overrides) -> ApiApp:
    """A confidential app whose secret is SECRET."""
    fields = {
        "account_id": account.id,
        "name": "Acme Sync",
        "client_id": "app_" + secrets.token_urlsafe(8),
        "client_type": ApiClientType.CONFIDENTIAL,
        "client_secret_hash": hash_token(SECRET),
        "secret_hint": SECRET[-4:],
        "redirect_uris": [REDIRECT_URI],
        "scopes": SCOPES,
        "created_by": PydanticObjectId(),
    }
    return await ApiApp(**{**fields, **overrides}).insert()


async def create_grant(app: ApiApp, account: Account, user: User, **overrides) -> ApiGrant:
    fields = {"account_id": account.id, "app_id": app.id, "user_id": user.id, "scopes": SCOPES}
    return await ApiGrant(**{**fields, **overrides}).insert()


async def create_token(grant: ApiGrant, **overrides) -> tuple[ApiToken, str, str]:
    """A live token pair of the grant; its access and refresh tokens."""
    access, refresh = new_credential(ACCESS_TOKEN_PREFIX), new_credential(REFRESH_TOKEN_PREFIX)
    app = await ApiApp.get(grant.app_id)
    now = utc_now()
    fields = {
        "account_id": grant.account_id,
        "grant_id": grant.id,
        "app_id": grant.app_id,
        "client_id": app.client_id if app else "",
        "user_id": grant.user_id,
        "scopes": grant.scopes,
        "access_token_hash": hash_token(access),
        "refresh_token_hash": hash_token(refresh),
        "access_expires_at": now + timedelta(hours=1),
        "refresh_expires_at": now + timedelta(days=30),
    }
    token = await ApiToken(**{**fields, **overrides}).insert()
    return token, access, refresh


async def create_api_key(account: Account, user: User, **overrides) -> tuple[ApiKey, str]:
    key = new_credential(API_KEY_PREFIX)
    fields = {
        "account_id": account.id,
        "user_id": user.id,
        "name": "script",
        "key_hash": hash_token(key),
        "hint": key[-4:],
        "scopes": SCOPES,
        "expires_at": utc_now() + timedelta(days=30),
    }
    return await ApiKey(**{**fields, **overrides}).insert(), key


def pkce() -> tuple[str, str]:
    """A verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def authorization_query(app: ApiApp, challenge: str | None = None, **overrides) -> dict:
    query = {
        "response_type": "code",
        "client_id": app.client_id,
        "redirect_uri": REDIRECT_URI,
        "scope": " ".join(SCOPES),
        "state": "the-apps-state",
    }
    if challenge:
        query |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    return {**query, **overrides}


async def approve(
    client: httpx.AsyncClient,
    headers: dict,
    authorization_url_or_query: str | dict,
    account_id: str,
) -> httpx.Response:
    """The user, on the consent page, approves the app for the account."""
    query = authorization_url_or_query
    if isinstance(query, str):
        query = dict(parse_qsl(urlsplit(query).query))
    body = {**query, "approve": True, "account_id": account_id}
    return await client.post("/v1/oauth/authorize", json=body, headers=headers)


def consent_page(query: dict) -> str:
    return f"/v1/oauth/authorize?{urlencode(query)}"


def returned(redirect_to: str) -> dict[str, str]:
    """The parameters the app receives at its redirect URI."""
    return dict(parse_qsl(urlsplit(redirect_to).query))
