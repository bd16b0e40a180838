"""A user's second factor: a TOTP secret (RFC 6238) sealed at rest, and their recovery codes.

One per user. It is pending (`enabled_at` None) from the start of enrolment until a first code
confirms it; only a pending one's secret is ever shown.
"""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class TwoFactor(BaseDocument):
    user_id: PydanticObjectId
    # Fernet-sealed with INTERNAL_API_TWO_FACTOR_ENCRYPTION_KEYS; opened only to check a code.
    sealed_secret: str
    enabled_at: datetime | None = None
    # The time step of the last code accepted: a code of that step or an earlier one is refused,
    # so a code seen over a shoulder cannot be used again.
    last_step: int = -1
    # SHA-256 of each unused recovery code; one is removed as it is used.
    recovery_code_hashes: list[str] = []

    class Settings:
        name = "two_factors"
        use_state_management = True
        indexes = [IndexModel([("user_id", ASCENDING)], unique=True)]
