"""InstaSites for tests: `create_instasite(account, **overrides)` stores a queued one."""

from datetime import timedelta

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.instasite import Instasite, InstasiteBusiness, InstasiteReview


def business(**overrides) -> InstasiteBusiness:
    fields = {
        "name": "Dee's Doughnuts",
        "category": "Bakery",
        "phone": "+15555550100",
        "photos": ["https://photos.test/1.jpg"],
        "reviews": [InstasiteReview(author="Sam", rating=5, text="Best in town")],
    }
    return InstasiteBusiness(**{**fields, **overrides})


async def create_instasite(account: Account, **overrides) -> Instasite:
    fields = {
        "account_id": account.id,
        "template_id": 1000774,
        "business": business(),
        "expires_at": utc_now() + timedelta(days=90),
        "created_by": PydanticObjectId(),
    }
    return await Instasite(**{**fields, **overrides}).insert()
