"""/v1/crm/pipelines: pipelines, their ordered stages, and the board of open deals."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.crm.deals.service import DEAL_SORTS
from internal_api.crm.pipelines import service
from internal_api.crm.pipelines.schemas import (
    BoardColumn,
    BoardRead,
    PipelineCreate,
    PipelineRead,
    PipelineUpdate,
    StageCreate,
    StageOrder,
    StageUpdate,
)
from internal_api.crm.visibility import VisibleRepository, visible
from internal_api.repository import mapped
from shared.models.deal import Deal
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/crm/pipelines", tags=["pipelines"])

CanRead = Annotated[Principal, Depends(requires("deals:read"))]
CanWrite = Annotated[Principal, Depends(requires("deals:write"))]
Deals = Annotated[VisibleRepository[Deal], Depends(visible(Deal, DEAL_SORTS))]
TargetStage = Annotated[
    str | None, Query(description="a stage to move the deals to; required while there are any")
]

SIGNED_IN = (Unauthorized, Forbidden)


@router.post(
    "",
    status_code=201,
    summary="Create a pipeline with its stages in order",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_pipeline(body: PipelineCreate, principal: CanWrite) -> PipelineRead:
    return PipelineRead.of(await service.create_pipeline(principal, body))


@router.get(
    "",
    summary="The account's pipelines",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_pipelines(principal: CanRead, paging: Paging) -> Page[PipelineRead]:
    return mapped(await service.list_pipelines(principal, paging), PipelineRead.of)


@router.get(
    "/{pipeline_id}",
    summary="One pipeline and its stages in order",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_pipeline(pipeline_id: str, principal: CanRead) -> PipelineRead:
    return PipelineRead.of(await service.get_pipeline(principal, pipeline_id))


@router.patch(
    "/{pipeline_id}",
    summary="Rename a pipeline",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_pipeline(
    pipeline_id: str, body: PipelineUpdate, principal: CanWrite
) -> PipelineRead:
    return PipelineRead.of(await service.update_pipeline(principal, pipeline_id, body))


@router.delete(
    "/{pipeline_id}",
    status_code=204,
    summary="Delete a pipeline",
    description="409 while it holds deals, unless `target_stage_id`, a stage of another "
    "pipeline, takes them (each move is logged).",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict, InvalidInput),
)
async def delete_pipeline(
    pipeline_id: str, principal: CanWrite, target_stage_id: TargetStage = None
) -> Response:
    await service.delete_pipeline(principal, pipeline_id, target_stage_id)
    return Response(status_code=204)


@router.get(
    "/{pipeline_id}/board",
    summary="The stages in order, each with its open deals by position and their totals",
    description="Only the deals the caller may see. Each stage lists its first 100 deals; "
    "`count` and `totals` (per currency, in minor units) cover them all.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_board(pipeline_id: str, principal: CanRead, deals: Deals) -> BoardRead:
    pipeline, columns = await service.board(principal, deals, pipeline_id)
    stages = [BoardColumn.of(column) for column in columns]
    return BoardRead(id=str(pipeline.id), name=pipeline.name, stages=stages)


@router.post(
    "/{pipeline_id}/stages",
    status_code=201,
    summary="Add a stage, at the end or at a position",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def add_stage(pipeline_id: str, body: StageCreate, principal: CanWrite) -> PipelineRead:
    return PipelineRead.of(await service.add_stage(principal, pipeline_id, body))


@router.patch(
    "/{pipeline_id}/stages/{stage_id}",
    summary="Rename a stage",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def rename_stage(
    pipeline_id: str, stage_id: str, body: StageUpdate, principal: CanWrite
) -> PipelineRead:
    return PipelineRead.of(await service.rename_stage(principal, pipeline_id, stage_id, body))


@router.put(
    "/{pipeline_id}/stage-order",
    summary="Put the stages in a new order",
    description="`stage_ids` lists every stage of the pipeline exactly once (422 otherwise).",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def reorder_stages(pipeline_id: str, body: StageOrder, principal: CanWrite) -> PipelineRead:
    return PipelineRead.of(await service.reorder_stages(principal, pipeline_id, body))


@router.delete(
    "/{pipeline_id}/stages/{stage_id}",
    status_code=204,
    summary="Delete a stage",
    description="409 while it holds deals, unless `target_stage_id` takes them (each move "
    "is logged).",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict, InvalidInput),
)
async def delete_stage(
    pipeline_id: str, stage_id: str, principal: CanWrite, target_stage_id: TargetStage = None
) -> Response:
    await service.delete_stage(principal, pipeline_id, stage_id, target_stage_id)
    return Response(status_code=204)
