"""A person who signs in; what they may do lives on their memberships."""

from pydantic import EmailStr
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class User(BaseDocument):
    email: EmailStr  # stored lower-cased
    name: str
    password_hash: str
    # The account a new session starts in.
    default_account_id: str | None = None

    class Settings:
        name = "users"
        use_state_management = True
        indexes = [IndexModel([("email", ASCENDING)], unique=True)]
