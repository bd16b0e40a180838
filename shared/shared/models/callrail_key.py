"""An account's CallRail connection: the API key and CallRail account its recordings are read with.

Written by the CallRail integration (external_api); read by misc/callrail_recordings.
"""

from beanie import Indexed, PydanticObjectId

from shared.models.base import TenantDocument


class CallrailKey(TenantDocument):
    # Unique: an account connects one CallRail account at most (overrides the base's plain index).
    account_id: Indexed(PydanticObjectId, unique=True)  # type: ignore[valid-type]
    # Stored as given for now: encrypting it at rest is the CallRail integration issue's job.
    api_key: str
    # CallRail's own id of the account the key reads (`ACC...` or numeric), used in API paths.
    callrail_account_id: str

    class Settings:
        name = "callrail_keys"
