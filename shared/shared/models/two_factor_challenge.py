"""The second step of a login: issued once the password is right, it stands for the user until a
code (or, for a user who must enrol first, their enrolment) completes the login. Its token is
never stored, only its SHA-256; it is single-use, short-lived and takes a few attempts only."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class ChallengePurpose(StrEnum):
    SIGN_IN = "sign_in"  # the user has two-factor authentication: a code completes the login
    ENROL = "enrol"  # their account requires it and they have none: enrolling completes it


class TwoFactorChallenge(BaseDocument):
    token_hash: str
    user_id: PydanticObjectId
    purpose: ChallengePurpose
    # MongoDB removes the document once this passes (TTL index); queries check it too.
    expires_at: datetime
    # Codes tried with it; past the limit it opens nothing.
    attempts: int = 0

    class Settings:
        name = "two_factor_challenges"
        use_state_management = True
        indexes = [
            IndexModel([("token_hash", ASCENDING)], unique=True),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0),
        ]
