"""A third-party application registered with the platform's authorization server by an account
(its developer, an agency or anyone building on the API): its name, the exact redirect URIs it
may send users back to, the scopes it may ask for, and whether it keeps a secret."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ApiClientType(StrEnum):
    # A server that keeps its client secret (RFC 6749 section 2.1).
    CONFIDENTIAL = "confidential"
    # A browser or mobile app that cannot keep one: PKCE (S256) is required instead.
    PUBLIC = "public"


class ApiApp(TenantDocument):
    """`account_id` is the account that registered the app, not the ones it is installed on
    (those are its grants)."""

    name: str
    client_id: str  # public, random
    client_type: ApiClientType
    client_secret_hash: str | None = None  # SHA-256 of the secret; None for a public client
    secret_hint: str | None = None  # the secret's last four characters
    redirect_uris: list[str]  # compared exactly
    scopes: list[str]  # what the app may ask for; a grant holds what a user gave
    website: str | None = None
    created_by: PydanticObjectId
    deleted_at: datetime | None = None  # its grants are revoked with it

    class Settings:
        name = "api_apps"
        use_state_management = True
        indexes = [
            IndexModel([("client_id", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
