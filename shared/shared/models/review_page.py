"""A location's review page: where its review requests' short link leads. The page asks a
first question (how many stars); 1 to `unhappy_below - 1` go to a private feedback form,
the others on to the location's public review page (Google's)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class ReviewPage(TenantDocument):
    location_id: PydanticObjectId  # the BusinessLocation
    title: str  # the business's name, shown on the page
    review_url: str  # where happy customers go: the location's Google review link
    # The page's public id in its URL (`/v1/reviews/public/pages/{token}`): random, unguessable.
    token: str
    short_link_id: PydanticObjectId  # the tracked short link requests carry
    short_url: str
    happy_from: int = 4  # a first answer of this many stars or more goes on to `review_url`

    class Settings:
        name = "review_pages"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("location_id", ASCENDING)], unique=True),
            IndexModel([("token", ASCENDING)], unique=True),
        ]
