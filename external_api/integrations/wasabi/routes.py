from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import RedirectResponse

from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.wasabi import service
from external_api.integrations.wasabi.schemas import DownloadRead, UploadCreate, UploadRead
from external_api.integrations.wasabi.service import UploadTooLarge
from external_api.integrations.wasabi.storage import WasabiStorage
from shared.utilities.auth import OptionalUser
from shared.utilities.errors import (
    Forbidden,
    NotFound,
    ServiceUnavailable,
    Unauthorized,
    error_responses,
)

router = APIRouter(prefix="/v1/e/wasabi", tags=["wasabi"])


def get_storage(request: Request) -> WasabiStorage:
    return request.app.state.wasabi


Storage = Annotated[WasabiStorage, Depends(get_storage)]
ObjectKey = Annotated[str, Query(min_length=1, max_length=1024, description="the object's key")]


@router.post(
    "/uploads",
    status_code=status.HTTP_201_CREATED,
    summary="A presigned URL to upload one file into the account's storage",
    description="POST a multipart form to `url` before `expires_at`: every one of `fields`, then "
    "the file as `file`, of at most the declared `size`. The answer's `key` then names the "
    "file. A public file is readable by anyone holding its key.",
    responses=error_responses(Unauthorized, Forbidden, UploadTooLarge, ServiceUnavailable),
)
async def create_upload(
    principal: IntegrationsWrite, storage: Storage, upload: UploadCreate
) -> UploadRead:
    return service.create_upload(storage, principal, upload)


@router.get(
    "/downloads",
    summary="A presigned URL to download one of the account's files",
    responses=error_responses(Unauthorized, Forbidden, NotFound, ServiceUnavailable),
)
async def create_download(
    principal: IntegrationsRead, storage: Storage, key: ObjectKey
) -> DownloadRead:
    return service.download(storage, principal, key)


@router.get(
    "/public/download_by_key",
    status_code=status.HTTP_307_TEMPORARY_REDIRECT,
    summary="Redirect to a file: a public one for anyone, a private one for its own account",
    description="Answers 307 to a short-lived presigned URL. Another account's private file "
    "answers 404, like a missing one.",
    response_class=RedirectResponse,
    responses={
        307: {"description": "To the file"},
        **error_responses(NotFound, Unauthorized, ServiceUnavailable),
    },
)
async def download_by_key(
    principal: OptionalUser, storage: Storage, key: ObjectKey
) -> RedirectResponse:
    download = service.download(storage, principal, key)
    return RedirectResponse(download.url, status_code=status.HTTP_307_TEMPORARY_REDIRECT)
