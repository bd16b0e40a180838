"""Contact imports from CSV files: queued by an upload, run in the background."""

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from internal_api.crm.imports import service
from internal_api.crm.imports.schemas import ImportRead
from internal_api.crm.imports.upload import receive_upload
from internal_api.dependencies import Settings
from internal_api.jobs import Jobs
from internal_api.storage import Storage
from shared.models.csv_queue import CsvJobStatus
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    error_responses,
)

router = APIRouter(prefix="/v1/crm/imports", tags=["crm imports"])

ContactsWrite = Annotated[Principal, Depends(requires("contacts:write"))]

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
                    },
                }
            }
        },
    }
}


@router.post(
    "",
    status_code=202,
    summary="Import contacts from a CSV file",
    description="A multipart body with the CSV `file` (a header row, UTF-8) and the column "
    "`mapping`. The rows are imported in the background; read the job for progress and each "
    "row's errors. Cells of emails, phones, tags and multi-select fields may hold several "
    "values separated by commas or semicolons. Sending the same file with the same mapping "
    "again answers the job already made for it (a failed one resumes after its last row).",
    openapi_extra=UPLOAD_BODY,
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, PayloadTooLarge),
)
async def create_import(
    request: Request, principal: ContactsWrite, settings: Settings, storage: Storage, jobs: Jobs
) -> ImportRead:
    upload = await receive_upload(request, storage, settings.import_max_bytes)
    try:
        mapping = parse_mapping(upload.fields.get("mapping"))
    except InvalidInput:
        await storage.delete(upload.file_key)
        raise
    job = await service.queue_import(principal, upload, mapping, storage, settings.csv_limits)
    if job.status is CsvJobStatus.QUEUED:
        jobs.submit(
            service.run_import,
            str(job.id),
            storage,
            settings.default_phone_region,
            settings.csv_limits,
        )
    return ImportRead.of(job)


@router.get(
    "/{import_id}",
    summary="An import's status, progress and row errors",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_import(import_id: str, principal: ContactsWrite) -> ImportRead:
    return ImportRead.of(await service.get_import(principal, import_id))


def parse_mapping(text: str | None) -> dict[str, str]:
    try:
        mapping = json.loads(text or "")
    except json.JSONDecodeError:
        mapping = None
    if not isinstance(mapping, dict) or not all(
        isinstance(value, str) for value in mapping.values()
    ):
        raise InvalidInput(
            "The mapping must be a JSON object of CSV column to contact field.",
            details=[{"field": "mapping", "message": "expected a JSON object of strings"}],
        )
    return mapping
