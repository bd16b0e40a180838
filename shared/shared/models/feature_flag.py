"""An operator's choice of one feature for one account; a flag an account has no document for
is at its default (`shared.domain.feature_flags`)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class FeatureFlag(TenantDocument):
    flag: str  # a name of `shared.domain.feature_flags.FLAGS`
    enabled: bool
    set_by: PydanticObjectId  # the operator

    class Settings:
        name = "feature_flags"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING), ("flag", ASCENDING)], unique=True)]
