"""A single-use secret mailed to a user as a link: to confirm an email address or to reset a
password. Only its SHA-256 is stored. A user has at most one per purpose: asking again
replaces it, so an older link stops working."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class TokenPurpose(StrEnum):
    # Proves `email` is the user's; confirming makes it their (verified) email: the address
    # they signed up with, or the one they are changing to.
    EMAIL_CONFIRMATION = "email_confirmation"
    PASSWORD_RESET = "password_reset"


class UserToken(BaseDocument):
    user_id: PydanticObjectId
    purpose: TokenPurpose
    token_hash: str
    email: str  # where the link was sent
    # MongoDB removes the document once this passes (TTL index).
    expires_at: datetime
    used_at: datetime | None = None

    class Settings:
        name = "user_tokens"
        use_state_management = True
        indexes = [
            IndexModel([("token_hash", ASCENDING)], unique=True),
            IndexModel([("user_id", ASCENDING), ("purpose", ASCENDING)], unique=True),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0),
        ]
