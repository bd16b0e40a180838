from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import (
    DocumentId,
    IntegrationsDep,
    connection_to,
)
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.google_business import replies, service
from external_api.integrations.google_business.listing import matching_listing
from external_api.integrations.google_business.notifications import ReviewNotifications
from external_api.integrations.google_business.repository import PROVIDER
from external_api.integrations.google_business.schemas import (
    BusinessLocationRead,
    ReplyWrite,
    ReviewRead,
    ReviewSync,
)
from shared.domain.instareports.listings import BusinessListing
from shared.domain.reviews.errors import ReplyRefused
from shared.models.business_location import BusinessLocation
from shared.models.instareport import Business
from shared.models.review import Review
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidBody,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix=f"/v1/e/{PROVIDER}", tags=[PROVIDER])
Profile = Annotated[ConnectedHttp, Depends(connection_to(PROVIDER))]


@router.post(
    "/accounts/{google_account}/locations/sync",
    summary="Read every location of a Google Business Profile account into the platform",
    response_model=list[BusinessLocationRead],
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_locations(
    google_account: Annotated[str, Path(pattern=r"^[0-9]{1,30}$")],
    principal: IntegrationsWrite,
    profile: Profile,
    integrations: IntegrationsDep,
) -> list[BusinessLocation]:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_locations(profile, reviews_url, principal.account_id, google_account)


@router.get(
    "/locations",
    summary="The account's stored Business Profile locations",
    response_model=Page[BusinessLocationRead],
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_locations(principal: IntegrationsRead, params: Paging) -> Page[BusinessLocation]:
    return await service.list_locations(principal.account_id, params)


@router.post(
    "/locations/{location_id}/reviews/sync",
    summary="Read every review of a stored location into the platform",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_reviews(
    location_id: DocumentId,
    principal: IntegrationsWrite,
    profile: Profile,
    integrations: IntegrationsDep,
) -> ReviewSync:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_reviews(profile, reviews_url, principal.account_id, location_id)


@router.get(
    "/locations/{location_id}/reviews",
    summary="A stored location's reviews",
    response_model=Page[ReviewRead],
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def list_reviews(
    location_id: DocumentId, principal: IntegrationsRead, params: Paging
) -> Page[Review]:
    return await service.list_reviews(principal.account_id, location_id, params)


# The internal API (a user's reply) and the queue manager (syncs, auto-replies) act for an
# account named in the path: no user session names it.
ForServices = Annotated[Principal, Depends(requires_service("internal_api", "queue_manager"))]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
REPLY_ERRORS = (Unauthorized, Forbidden, NotFound, ReplyRefused, *CONNECTED_CALL_ERRORS)


@router.post(
    "/accounts/{account_id}/locations/{location_id}/reviews/sync",
    summary="Read what changed in a location's reviews since the last sync (services only)",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_changed_reviews(
    account_id: DocumentId,
    location_id: DocumentId,
    caller: ForServices,
    integrations: IntegrationsDep,
) -> ReviewSync:
    http = integrations.connected_http(PROVIDER, account_id)
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_reviews(http, reviews_url, account_id, location_id)


@router.put(
    "/accounts/{account_id}/reviews/{review_id}/reply",
    response_model=ReviewRead,
    summary="Post or edit the reply to a Google review (services only)",
    description="Google's `PUT accounts/{a}/locations/{l}/reviews/{r}/reply`, then the reply "
    "recorded on the review. Google's refusal answers 422 `reply_refused` with its words and "
    "leaves the review as it was.",
    responses=error_responses(*REPLY_ERRORS),
)
async def put_reply(
    account_id: DocumentId,
    review_id: DocumentId,
    body: ReplyWrite,
    caller: ForServices,
    integrations: IntegrationsDep,
) -> Review:
    http = integrations.connected_http(PROVIDER, account_id)
    reviews_url = integrations.settings.google.business_reviews_url
    return await replies.post_reply(
        http, reviews_url, account_id, review_id, body.comment, body.origin, body.by
    )


@router.delete(
    "/accounts/{account_id}/reviews/{review_id}/reply",
    response_model=ReviewRead,
    summary="Delete the reply to a Google review (services only)",
    responses=error_responses(*REPLY_ERRORS),
)
async def delete_reply(
    account_id: DocumentId,
    review_id: DocumentId,
    caller: ForServices,
    integrations: IntegrationsDep,
) -> Review:
    http = integrations.connected_http(PROVIDER, account_id)
    reviews_url = integrations.settings.google.business_reviews_url
    return await replies.delete_reply(http, reviews_url, account_id, review_id)


@router.post(
    "/accounts/{account_id}/listing",
    summary="The account's location matching a business, with its hours (the queue manager only)",
    description="An InstaReport's listings check: the stored locations matched on name, "
    "address, phone and website, the best read again from Google with its regular hours; 409 "
    "`not_connected` without a connection, 404 when none matches.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def business_listing(
    account_id: DocumentId, body: Business, caller: QueueManager, integrations: IntegrationsDep
) -> BusinessListing:
    return await matching_listing(integrations, account_id, body)


@router.post(
    "/webhooks/notifications",
    summary="Business Profile's review notifications, pushed by Pub/Sub (public, its token)",
    responses=error_responses(BadSignature, InvalidBody, PayloadTooLarge),
)
async def receive_notifications(
    request: Request,
    integrations: IntegrationsDep,
    token: Annotated[str, Query(max_length=200)] = "",
) -> dict[str, int]:
    expected = integrations.settings.google.business_push_token.get_secret_value()
    return await receive(ReviewNotifications(expected, token), request.headers, request.body)
