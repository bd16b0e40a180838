"""A personal API key: a user's own credential for scripts, acting in one account with a
subset of the user's scopes there, until it expires or is revoked. Shown once; only its
SHA-256 is stored."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ApiKey(TenantDocument):
    user_id: PydanticObjectId
    name: str
    key_hash: str
    hint: str  # the key's last four characters
    scopes: list[str]
    expires_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    class Settings:
        name = "api_keys"
        use_state_management = True
        indexes = [
            IndexModel([("key_hash", ASCENDING)], unique=True),
            IndexModel(
                [("account_id", ASCENDING), ("user_id", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
