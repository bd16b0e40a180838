"""Reviews, locations, review pages and programmes as the inbox and the partner programmes
would hold them."""

import secrets
from datetime import UTC, datetime

from beanie import PydanticObjectId

from shared.models.affiliate import Affiliate
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.business_location import BusinessLocation
from shared.models.review import Review
from shared.models.review_page import ReviewPage
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings


def service_headers(caller: str, audience: str) -> dict[str, str]:
    token = service_token(authenticator_for(ServiceSettings()), caller, audience)
    return {"authorization": f"Bearer {token}"}


async def create_location(account_id, **overrides) -> BusinessLocation:
    fields = {"provider_account": "111", "provider_location": "222", "title": "Bakery"}
    return await BusinessLocation(
        account_id=PydanticObjectId(account_id), **{**fields, **overrides}
    ).insert()


async def create_review(account_id, **overrides) -> Review:
    fields = {
        "provider": "google-business",
        "provider_review_id": str(PydanticObjectId()),
        "reviewer_name": "Ann Smith",
        "rating": 5,
        "comment": "Lovely",
        "reviewed_at": datetime(2024, 3, 1, 10, tzinfo=UTC),
    }
    return await Review(account_id=PydanticObjectId(account_id), **{**fields, **overrides}).insert()


async def create_page(location: BusinessLocation, **overrides) -> ReviewPage:
    fields = {
        "title": "Bakery",
        "review_url": "https://g.page/r/bakery/review",
        "token": f"page-{PydanticObjectId()}",
        "short_link_id": PydanticObjectId(),
        "short_url": "https://sho.rt/bakery",
    }
    return await ReviewPage(
        account_id=location.account_id, location_id=location.id, **{**fields, **overrides}
    ).insert()


async def create_programme(account_id, **overrides) -> AffiliateProgramme:
    fields = {
        "name": "Partners",
        "landing_url": "https://agency.example/signup",
        "token": f"prog-{PydanticObjectId()}",
    }
    return await AffiliateProgramme(
        account_id=PydanticObjectId(account_id), **{**fields, **overrides}
    ).insert()


async def create_affiliate(programme: AffiliateProgramme, **overrides) -> Affiliate:
    fields = {"name": "Pat Partner", "email": f"{PydanticObjectId()}@partners.test"}
    return await Affiliate(
        account_id=programme.account_id,
        programme_id=programme.id,
        code=secrets.token_hex(6),
        **{**fields, **overrides},
    ).insert()
