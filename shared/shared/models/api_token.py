"""What the token endpoint issued once: an access token (short-lived) and its refresh token,
stored as their SHA-256 only (the seed's api-sessions and api-refresh-tokens). Refreshing
rotates: the pair is marked `rotated_at` and a new one issued; a rotated refresh token sent
again is a leak, and ends the whole grant."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ApiToken(TenantDocument):
    grant_id: PydanticObjectId
    app_id: PydanticObjectId
    client_id: str
    user_id: PydanticObjectId
    scopes: list[str]
    access_token_hash: str
    refresh_token_hash: str
    access_expires_at: datetime
    refresh_expires_at: datetime
    rotated_at: datetime | None = None  # its refresh token was exchanged for the next pair
    revoked_at: datetime | None = None

    class Settings:
        name = "api_tokens"
        use_state_management = True
        indexes = [
            IndexModel([("access_token_hash", ASCENDING)], unique=True),
            IndexModel([("refresh_token_hash", ASCENDING)], unique=True),
            IndexModel([("grant_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("refresh_expires_at", ASCENDING)], expireAfterSeconds=0),
        ]
