"""An invitation for someone to join an account with a role."""

from datetime import datetime

from beanie import Insert, PydanticObjectId, before_event
from pydantic import EmailStr
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.membership import Role


class Invitation(TenantDocument):
    email: EmailStr
    role: Role
    token_hash: str
    invited_by: PydanticObjectId
    expires_at: datetime
    accepted_at: datetime | None = None
    # "<account_id>:<email>" until the invitation is accepted, then unset: its unique sparse
    # index keeps one open invitation per email in an account.
    open_key: str | None = None

    @before_event(Insert)
    def mark_open(self) -> None:
        if self.accepted_at is None:
            self.open_key = f"{self.account_id}:{self.email}"

    class Settings:
        name = "invitations"
        use_state_management = True
        # Unset fields are left out rather than stored as null, so the sparse index holds only
        # open invitations (see Account for why not a partial index).
        keep_nulls = False
        indexes = [
            IndexModel([("token_hash", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("email", ASCENDING)]),
            IndexModel([("open_key", ASCENDING)], unique=True, sparse=True),
            # An account's open (or accepted) invitations, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("accepted_at", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
