"""Contact imports from CSV files: queued by an upload, run in the background."""

from fastapi import APIRouter, Request

from internal_api.crm.imports import service
from internal_api.crm.imports.auth import ImportsWrite
from internal_api.crm.imports.schemas import ImportRead
from internal_api.crm.imports.upload import receive_upload
from internal_api.dependencies import Settings
from internal_api.storage import Storage
from shared.domain.csv_jobs.reading import UnreadableCsv
from shared.models.csv_queue import CsvJob
from shared.utilities.errors import (
    SIGNED_IN,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/crm/imports", tags=["crm imports"])

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "mapping"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "mapping": {
                            "type": "string",
                            "description": 'JSON: {"CSV column": "contact field or '
                            'custom.<key>"}, e.g. {"E-mail": "emails", "Plan": "custom.plan"}',
                        },
                        "update_existing": {
                            "type": "boolean",
                            "default": False,
                            "description": "a row whose email or phone a live contact "
                            "holds updates that contact instead of being refused as a "
                            "duplicate",
                        },
                    },
                }
            }
        },
    }
}


@router.post(
    "",
    response_model=ImportRead,
    status_code=202,
    summary="Import contacts from a CSV file",
    description="A multipart body with the CSV `file` (a header row; UTF-8, or an encoding "
    "detected in it), the column `mapping` and `update_existing`. The rows are imported in the "
    "background; read the job for progress and each row's errors (the first 1,000 listed, "
    "`error_count` counting all). Cells of emails, phones, tags and multi-select fields may "
    "hold several values separated by commas or semicolons. Sending the same file with the "
    "same mapping again answers the job already made for it (a failed one resumes after its "
    "last row).",
    openapi_extra=UPLOAD_BODY,
    responses=error_responses(
        Unauthorized, Forbidden, InvalidInput, UnreadableCsv, PayloadTooLarge
    ),
)
async def create_import(
    request: Request, principal: ImportsWrite, settings: Settings, storage: Storage
) -> CsvJob:
    upload = await receive_upload(request, storage, settings.import_max_bytes)
    return await service.queue_import(principal, upload, storage, settings.csv_limits)


@router.get(
    "",
    response_model=Page[ImportRead],
    summary="The caller's imports, newest first",
    description="A member sees the imports they made; the account's owner and admins see all.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_imports(principal: ImportsWrite, paging: Paging) -> Page[CsvJob]:
    return await service.list_imports(principal, paging)


@router.get(
    "/{import_id}",
    response_model=ImportRead,
    summary="An import's status, progress and row errors",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_import(import_id: str, principal: ImportsWrite) -> CsvJob:
    return await service.get_import(principal, import_id)


@router.post(
    "/{import_id}/cancel",
    response_model=ImportRead,
    summary="Cancel an import",
    description="No row after the chunk being written is imported; the rows imported so far "
    "stay. Only its creator, or the account's owner or an admin, may cancel it; 409 once it has "
    "ended.",
    responses=error_responses(*SIGNED_IN, NotFound, service.ImportEnded),
)
async def cancel_import(import_id: str, principal: ImportsWrite) -> CsvJob:
    return await service.cancel_import(principal, import_id)
