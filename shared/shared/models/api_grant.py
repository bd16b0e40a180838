"""An app installed on an account: a user of the account allowed the app these scopes there.
Every token the app holds for the account comes from one grant, and revoking the grant ends
them all."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ApiGrant(TenantDocument):
    """`account_id` is the account the app acts in with it (a sub-account an agency chose)."""

    app_id: PydanticObjectId
    user_id: PydanticObjectId  # who installed it: the app never has more than they do
    scopes: list[str]
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    # Why it ended: "revoked" by the account, "app_deleted", "code_replayed",
    # "refresh_token_reused".
    revoked_reason: str | None = None

    class Settings:
        name = "api_grants"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The live grant a new consent by the same user renews.
            IndexModel([("account_id", ASCENDING), ("app_id", ASCENDING), ("user_id", ASCENDING)]),
            # An app's grants, revoked when it is deleted.
            IndexModel([("app_id", ASCENDING)]),
        ]
