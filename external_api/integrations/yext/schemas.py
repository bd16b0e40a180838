"""Yext's listings as the account's key reads them; its publishers' shape is shared with
misc/yext_publishers (`shared.providers.yext`)."""

from pydantic import BaseModel, Field

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.providers.yext import AlternateBrand, YextModel


class YextConnect(ApiKeyConnect):
    yext_account_id: str = Field(
        "me",
        pattern=r"^[A-Za-z0-9_-]{1,64}$",
        description="the Yext account the key reads; `me` is the key's own",
    )


class StatusDetail(YextModel):
    code: str | None = None
    message: str | None = None
    type: str | None = None


class Listing(YextModel):
    """As `GET /accounts/{accountId}/listings/listings` documents it."""

    id: str
    location_id: str
    publisher_id: str
    # LIVE, OPTED_OUT, UNAVAILABLE, WAITING_ON_YEXT, WAITING_ON_CUSTOMER, WAITING_ON_PUBLISHER
    status: str
    additional_status: str | None = None
    listing_url: str | None = None
    login_url: str | None = None
    screenshot_url: str | None = None
    alternate_brands: list[AlternateBrand] = []
    status_details: list[StatusDetail] = []


class ListingPage(BaseModel):
    listings: list[Listing]
    count: int  # listings matching, over every page
