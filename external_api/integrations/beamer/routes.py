"""/v1/e/beamer: the platform's product updates for dashboard users, and announcements posted
to Beamer (the queue manager only, for `beamer.post` on QM_BEAMER)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from external_api.integrations.beamer import service
from external_api.integrations.beamer.client import BeamerClient
from external_api.integrations.beamer.errors import BeamerNotConfigured
from external_api.integrations.beamer.schemas import AnnouncementPosted, ProductUpdates, UnreadRead
from external_api.integrations.framework.dependencies import DocumentId
from external_api.integrations.framework.errors import ProviderFailed
from shared.utilities.auth import Principal, requires, requires_service
from shared.utilities.errors import Forbidden, NotFound, RateLimited, Unauthorized, error_responses

router = APIRouter(prefix="/v1/e/beamer", tags=["beamer"])

Reader = Annotated[Principal, Depends(requires("account:read"))]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
BEAMER_ERRORS = (BeamerNotConfigured, RateLimited, ProviderFailed)


def get_beamer(request: Request) -> BeamerClient | None:
    return request.app.state.beamer


Beamer = Annotated[BeamerClient | None, Depends(get_beamer)]


@router.get(
    "/posts",
    summary="The platform's product updates, newest first, ten a page",
    responses=error_responses(Unauthorized, Forbidden, *BEAMER_ERRORS),
)
async def product_updates(
    principal: Reader,
    beamer: Beamer,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    language: Annotated[str, Query(pattern=r"^[A-Za-z]{2}$")] = "EN",
) -> ProductUpdates:
    return await service.product_updates(beamer, page, language.upper())


@router.get(
    "/unread",
    summary="How many product updates the signed-in user has not read, and the feed's URL",
    responses=error_responses(Unauthorized, Forbidden, *BEAMER_ERRORS),
)
async def unread(principal: Reader, beamer: Beamer) -> UnreadRead:
    return await service.unread(beamer, principal.sub)


@router.post(
    "/announcements/{announcement_id}",
    summary="Post a published announcement to Beamer, once (the queue manager only)",
    responses=error_responses(Unauthorized, Forbidden, NotFound, RateLimited, ProviderFailed),
)
async def post_announcement(
    caller: QueueManager, beamer: Beamer, announcement_id: DocumentId
) -> AnnouncementPosted:
    return await service.post_announcement(beamer, announcement_id)
