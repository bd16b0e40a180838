"""A code an agency hands to prospective clients: signing up with it makes a new sub-account
of the agency (`account_id`), the client in `role` there.

The code is a secret, stored only as its SHA-256 (`code_hash`): 16 characters of Crockford's
base32 (80 random bits), shown once when it is made and typed as `XXXX-XXXX-XXXX-XXXX` (any
case; O reads as 0, I and L as 1). 80 bits cannot be guessed online nor reversed from the
hash, so the hash needs no salt and is looked up directly. `hint` (its last four characters)
tells codes apart in the agency's list.
"""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.membership import Role


class AccountSignupCode(TenantDocument):
    code_hash: str
    hint: str
    role: Role = Role.OWNER  # the client's role in their new sub-account
    # The new sub-account's name; `{name}` stands for the name the client gives. Without a
    # template, the client's name is used as it is.
    sub_account_name: str | None = None
    max_uses: int | None = None  # None: as many as wanted
    uses: int = 0
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    created_by: PydanticObjectId

    class Settings:
        name = "account_signup_codes"
        use_state_management = True
        indexes = [
            IndexModel([("code_hash", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", ASCENDING)]),
        ]
