"""An authorization code: what the consent step hands the app through the user's browser, to
be exchanged once, soon, by the same client, with the same redirect URI and the PKCE verifier
of its challenge. Only its SHA-256 is stored."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class ApiAuthorizationCode(TenantDocument):
    code_hash: str
    app_id: PydanticObjectId
    client_id: str
    grant_id: PydanticObjectId
    user_id: PydanticObjectId
    redirect_uri: str
    scopes: list[str]
    code_challenge: str | None = None
    code_challenge_method: str | None = None
    expires_at: datetime
    used_at: datetime | None = None  # claimed by one conditional write: exchanged once

    class Settings:
        name = "api_authorization_codes"
        use_state_management = True
        indexes = [
            IndexModel([("code_hash", ASCENDING)], unique=True),
            # Kept a day past its expiry, so a late replay is still recognised as one.
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=86400),
        ]
