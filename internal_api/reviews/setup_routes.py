"""/v1/reviews/templates, /settings and /pages: what an account sets up for its reviews."""

from typing import Annotated

from fastapi import APIRouter, Path, Response

from internal_api.dependencies import Settings
from internal_api.reviews import configuration
from internal_api.reviews.auth import ReviewsAdmin, ReviewsRead, ReviewsWrite
from internal_api.reviews.errors import TemplateNotApproved
from internal_api.reviews.schemas import (
    PageRead,
    PageWrite,
    SettingsRead,
    SettingsWrite,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
)
from internal_api.url_shortener.routes import Shortening
from shared.domain.accounts.users import NotAccountUsers
from shared.models.reputation_settings import ReputationSettings
from shared.models.review_page import ReviewPage
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])
LocationId = Annotated[str, Path(pattern=r"^[0-9a-f]{24}$")]


@router.post(
    "/templates",
    status_code=201,
    response_model=TemplateRead,
    summary="Make a reply template",
    description="`approved` (it may auto-reply) is set by the account's admins only.",
    responses=error_responses(*SIGNED_IN),
)
async def create_template(body: TemplateCreate, principal: ReviewsWrite) -> ReviewReplyTemplate:
    return await configuration.create_template(principal, body)


@router.get(
    "/templates",
    response_model=Page[TemplateRead],
    summary="The account's reply templates",
    responses=error_responses(*SIGNED_IN),
)
async def list_templates(principal: ReviewsRead, params: Paging) -> Page[ReviewReplyTemplate]:
    return await configuration.list_templates(principal, params)


@router.patch(
    "/templates/{template_id}",
    response_model=TemplateRead,
    summary="Change a reply template",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def update_template(
    template_id: str, body: TemplateUpdate, principal: ReviewsWrite
) -> ReviewReplyTemplate:
    return await configuration.update_template(principal, template_id, body)


@router.delete(
    "/templates/{template_id}",
    status_code=204,
    summary="Delete a reply template",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_template(template_id: str, principal: ReviewsWrite) -> Response:
    await configuration.delete_template(principal, template_id)
    return Response(status_code=204)


@router.get(
    "/settings",
    response_model=SettingsRead,
    summary="The account's reputation settings",
    responses=error_responses(*SIGNED_IN),
)
async def read_settings(principal: ReviewsRead) -> ReputationSettings:
    return await configuration.read_settings(principal)


@router.put(
    "/settings",
    response_model=SettingsRead,
    summary="Set who is alerted of low reviews, the digest, the auto-reply and the window",
    description="A new review rated at or below `alert_threshold` tells `alert_user_ids` at "
    "once (notification centre and email); `digest_user_ids` get the weekly digest; reviews "
    "rated `auto_reply_min_rating` or more get the approved `auto_reply_template_id`'s reply; "
    "one contact is asked for a review at most once in `request_window_days`.",
    responses=error_responses(*SIGNED_IN, NotAccountUsers, NotFound, TemplateNotApproved),
)
async def write_settings(body: SettingsWrite, principal: ReviewsAdmin) -> ReputationSettings:
    return await configuration.write_settings(principal, body)


@router.put(
    "/locations/{location_id}/page",
    response_model=PageRead,
    summary="Make or change a location's review page",
    description="Made the first time with its tracked short link (`short_url`), which review "
    "requests carry and which stays the same when the page changes.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def write_page(
    location_id: LocationId,
    body: PageWrite,
    principal: ReviewsAdmin,
    shortener: Shortening,
    settings: Settings,
) -> ReviewPage:
    return await configuration.write_page(
        principal, location_id, body, shortener, settings.review_page_url
    )


@router.get(
    "/pages",
    response_model=Page[PageRead],
    summary="The account's review pages",
    responses=error_responses(*SIGNED_IN),
)
async def list_pages(principal: ReviewsRead, params: Paging) -> Page[ReviewPage]:
    return await configuration.list_pages(principal, params)
