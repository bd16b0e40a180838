"""An invitation for someone to join an account with a role."""

from datetime import datetime

from beanie import PydanticObjectId
from pydantic import EmailStr
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.membership import Role


class Invitation(TenantDocument):
    email: EmailStr
    role: Role
    token_hash: str
    invited_by: PydanticObjectId
    expires_at: datetime
    accepted_at: datetime | None = None

    class Settings:
        name = "invitations"
        use_state_management = True
        indexes = [
            IndexModel([("token_hash", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("email", ASCENDING)]),
        ]
