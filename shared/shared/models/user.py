"""A person who signs in; what they may do lives on their memberships."""

from datetime import datetime

from pydantic import EmailStr
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class User(BaseDocument):
    email: EmailStr  # stored lower-cased
    name: str
    password_hash: str
    # Set once the user has followed a confirmation link sent to `email`.
    email_verified_at: datetime | None = None
    # The account a new session starts in.
    default_account_id: str | None = None
    avatar_url: str | None = None  # http(s)
    phone: str | None = None  # E.164
    time_zone: str | None = None  # IANA name
    locale: str | None = None  # BCP 47 tag, e.g. fr-CA
    # One of the platform's operators (internal_api's admin): no membership grants it, and no
    # API sets it; `python -m scripts.operators` does.
    platform_operator: bool = False

    class Settings:
        name = "users"
        use_state_management = True
        indexes = [
            IndexModel([("email", ASCENDING)], unique=True),
            # The platform's operators, by email (the admin's list).
            IndexModel([("platform_operator", ASCENDING), ("email", ASCENDING)]),
        ]
