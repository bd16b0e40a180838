"""A branded short link: `<SHORT_URL_BASE><code>` sends whoever follows it to the account's
destination, with its UTM parameters added (`target`).

The code is unique across the platform, since the redirect (`GET /v1/s/{code}`, no session)
knows no account, and held in lower case: codes are read off posters and typed back in any case.
The redirect answers from Redis (internal_api's `url_shortener.cache`); this document is read
only when a code is not cached. Its clicks: `ShortLinkClick`, counted by day in `ShortLinkDay`.
"""

from datetime import datetime

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class UtmParameters(BaseModel):
    """Added to the destination's query as `utm_<name>`, replacing any the destination has."""

    source: str | None = None
    medium: str | None = None
    campaign: str | None = None
    term: str | None = None
    content: str | None = None


class ShortLink(TenantDocument):
    code: str
    destination: str  # as given
    utm: UtmParameters = UtmParameters()
    target: str  # where the redirect sends: the destination with its UTM parameters
    title: str = ""
    expires_at: datetime | None = None  # past it the code answers 410
    permanent: bool = False  # redirected with 301 (browsers keep it) rather than 302
    # The redirect adds `short_link=<code>` to the target, so the platform's forms on the page
    # it leads to attribute their leads to the link (off for a target that takes no extra
    # parameter, such as a signed URL).
    pass_code: bool = True
    created_by: PydanticObjectId

    class Settings:
        name = "short_links"
        use_state_management = True
        indexes = [
            IndexModel([("code", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
