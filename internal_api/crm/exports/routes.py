"""Contact exports to CSV: queued by a request, written in the background, downloaded once."""

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from internal_api.crm.exports import service
from internal_api.crm.exports.auth import ExportsRead
from internal_api.crm.exports.schemas import ExportCreate, ExportRead
from internal_api.storage import Storage
from shared.models.csv_queue import CsvJob
from shared.utilities.errors import (
    SIGNED_IN,
    Conflict,
    Forbidden,
    Gone,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/crm/exports", tags=["crm exports"])


@router.post(
    "",
    response_model=ExportRead,
    status_code=202,
    summary="Export contacts to a CSV file",
    description="The contacts the caller sees that match `filters` (the contact search's "
    "`q`, `conditions` and `deleted`), oldest first, with the `columns` asked for. Written "
    "in the background; read the job for its status, then download it.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def create_export(body: ExportCreate, principal: ExportsRead) -> CsvJob:
    return await service.queue_export(principal, body)


@router.get(
    "",
    response_model=Page[ExportRead],
    summary="The caller's exports, newest first",
    description="A member sees the exports they made; the account's owner and admins see all.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_exports(principal: ExportsRead, paging: Paging) -> Page[CsvJob]:
    return await service.list_exports(principal, paging)


@router.get(
    "/{export_id}",
    response_model=ExportRead,
    summary="An export's status",
    description="An export is deleted, file and job, its retention time after it finished.",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_export(export_id: str, principal: ExportsRead) -> CsvJob:
    return await service.get_export(principal, export_id)


@router.post(
    "/{export_id}/cancel",
    response_model=ExportRead,
    summary="Cancel an export",
    description="No file is kept: a queued export is never written, one being written stops "
    "and its part is discarded. Only its creator, or the account's owner or an admin, may "
    "cancel it; 409 once it has ended.",
    responses=error_responses(*SIGNED_IN, NotFound, service.ExportEnded),
)
async def cancel_export(export_id: str, principal: ExportsRead) -> CsvJob:
    return await service.cancel_export(principal, export_id)


@router.get(
    "/{export_id}/download",
    summary="Download an export's CSV file, once",
    description="The file is deleted as it is sent: a second download answers 410 Gone, and "
    "so does one after the export failed. 409 while it is being written.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}}, "description": "the CSV file"},
        **error_responses(Unauthorized, Forbidden, NotFound, Conflict, Gone),
    },
)
async def download_export(
    export_id: str, principal: ExportsRead, storage: Storage
) -> StreamingResponse:
    job = await service.take_download(principal, export_id)
    return StreamingResponse(
        service.download(job, storage),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{job.filename}"'},
    )
