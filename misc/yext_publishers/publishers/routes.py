from typing import Annotated

from fastapi import APIRouter, Depends, Request

from misc.yext_publishers.publishers.schemas import PublisherList
from misc.yext_publishers.publishers.service import PublisherDirectory
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import (
    ServiceUnavailable,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/yext", tags=["yext publishers"])


def get_directory(request: Request) -> PublisherDirectory:
    return request.app.state.publishers


Directory = Annotated[PublisherDirectory, Depends(get_directory)]


@router.get(
    "/publishers",
    summary="The publishers Yext lists businesses on",
    description="Served from a cached copy refreshed on a schedule; `fetched_at` says its age.",
    responses=error_responses(Unauthorized, UpstreamError, ServiceUnavailable, UpstreamTimeout),
)
async def list_publishers(_: CurrentUser, directory: Directory) -> PublisherList:
    return await directory.current()
