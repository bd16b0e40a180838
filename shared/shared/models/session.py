"""A signed-in session. The id the dashboard holds is never stored, only its SHA-256."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class Session(BaseDocument):
    token_hash: str
    user_id: PydanticObjectId
    # The account the session acts in; switching account changes it.
    account_id: PydanticObjectId
    # MongoDB removes the document once this passes (TTL index).
    expires_at: datetime
    last_seen_at: datetime
    revoked_at: datetime | None = None
    user_agent: str = ""
    ip: str = ""
    # The platform operator viewing the platform as this session's user: the session is
    # read-only (`shared.utilities.impersonation`).
    impersonated_by: PydanticObjectId | None = None

    class Settings:
        name = "sessions"
        use_state_management = True
        indexes = [
            IndexModel([("token_hash", ASCENDING)], unique=True),
            IndexModel([("user_id", ASCENDING), ("created_at", ASCENDING)]),
            # The sessions acting in an account: refreshed when what its tokens say changes,
            # dropped from Redis when it is suspended.
            IndexModel([("account_id", ASCENDING)]),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0),
        ]
