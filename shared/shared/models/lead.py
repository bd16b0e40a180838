"""A lead: one time a person reached the account by themselves, with where they came from.

A contact has one lead per touch (a form submitted, a live chat started, a lead ad, a call, a
text, an import); their first and last touch are the first and last of them. Written only
through `shared.domain.leads` (`record_lead`, or a `Touch` handed to the contact write path).
"""

from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class LeadSource(StrEnum):
    FORM = "form"
    LIVE_CHAT = "live_chat"
    FACEBOOK = "facebook"
    CALLRAIL = "callrail"
    SMS = "sms"
    IMPORT = "import"
    BOOKING = "booking"
    INSTAREPORT = "instareport"  # a prospect opening the InstaReport sent to them
    CALLTRACKINGMETRICS = "calltrackingmetrics"


class Attribution(BaseModel):
    """Where the person came from, as the page or the provider told it."""

    utm_source: str | None = None
    utm_medium: str | None = None
    utm_campaign: str | None = None
    utm_term: str | None = None
    utm_content: str | None = None
    referrer: str | None = None
    landing_page: str | None = None
    short_link: str | None = None  # the code of the platform's short link followed, if any


class Lead(TenantDocument):
    contact_id: PydanticObjectId
    source: LeadSource
    # What in the source it came through: the form, the chat widget, the lead-ad form, the
    # tracking number, the inbound number, the import job.
    source_ref: str | None = None
    attribution: Attribution = Attribution()
    new_contact: bool  # the touch made the contact
    # account:source:the provider's id of the touch (a lead-ad lead, a call, a message), so a
    # webhook run again records its touch once; absent when the source gives no id.
    touch_key: str | None = None

    class Settings:
        name = "leads"
        keep_nulls = False  # so the sparse unique index holds only leads with a touch key
        indexes = [
            # The account's list, newest first, optionally of one source; counts by day.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("source", ASCENDING), ("created_at", DESCENDING)]
            ),
            # A contact's touches, first and last.
            IndexModel(
                [("account_id", ASCENDING), ("contact_id", ASCENDING), ("created_at", ASCENDING)]
            ),
            IndexModel([("touch_key", ASCENDING)], unique=True, sparse=True),
        ]
