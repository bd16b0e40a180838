"""/v1/crm/pipelines: pipelines, their ordered stages, and the board of open deals."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.crm.deals.auth import DealsRead
from internal_api.crm.pipelines import service
from internal_api.crm.pipelines.auth import PipelinesRead, PipelinesWrite
from internal_api.crm.pipelines.board import Board
from internal_api.crm.pipelines.errors import (
    LastStage,
    PipelineNotEmpty,
    StageNameTaken,
    StageNotEmpty,
)
from internal_api.crm.pipelines.repository import PipelineRepository
from internal_api.crm.pipelines.schemas import (
    BoardRead,
    PipelineCreate,
    PipelineRead,
    PipelineUpdate,
    StageCreate,
    StageOrder,
    StageUpdate,
)
from internal_api.exchange_rates import CurrencyRates
from shared.models.pipeline import Pipeline
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/crm/pipelines", tags=["pipelines"])

PipelinePaging = Annotated[PageParams, Depends(sorted_by(PipelineRepository.sortable))]
TargetStage = Annotated[
    str | None, Query(description="a stage to move the deals to; required while there are any")
]


@router.post(
    "",
    status_code=201,
    response_model=PipelineRead,
    summary="Create a pipeline with its stages in order",
    description="At least one stage; no two stages of a pipeline have the same name.",
    responses=error_responses(*SIGNED_IN),
)
async def create_pipeline(body: PipelineCreate, principal: PipelinesWrite) -> Pipeline:
    return await service.create_pipeline(principal, body)


@router.get(
    "",
    response_model=Page[PipelineRead],
    summary="The account's pipelines",
    responses=error_responses(*SIGNED_IN),
)
async def list_pipelines(principal: PipelinesRead, paging: PipelinePaging) -> Page[Pipeline]:
    return await service.list_pipelines(principal, paging)


@router.get(
    "/{pipeline_id}",
    response_model=PipelineRead,
    summary="One pipeline and its stages in order",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_pipeline(pipeline_id: str, principal: PipelinesRead) -> Pipeline:
    return await service.get_pipeline(principal, pipeline_id)


@router.patch(
    "/{pipeline_id}",
    response_model=PipelineRead,
    summary="Rename a pipeline",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def update_pipeline(
    pipeline_id: str, body: PipelineUpdate, principal: PipelinesWrite
) -> Pipeline:
    return await service.update_pipeline(principal, pipeline_id, body)


@router.delete(
    "/{pipeline_id}",
    status_code=204,
    summary="Delete a pipeline",
    description="409 `pipeline_not_empty` while it holds deals, unless `target_stage_id`, a "
    "stage of another pipeline, takes them (each move is logged).",
    responses=error_responses(*SIGNED_IN, NotFound, PipelineNotEmpty),
)
async def delete_pipeline(
    pipeline_id: str, principal: PipelinesWrite, target_stage_id: TargetStage = None
) -> Response:
    await service.delete_pipeline(principal, pipeline_id, target_stage_id)
    return Response(status_code=204)


@router.get(
    "/{pipeline_id}/board",
    response_model=BoardRead,
    summary="The stages in order, each with its open deals by position and their totals",
    description="Only the deals the caller may see. Each stage lists its first 100 deals; "
    "`count` and `totals` (per currency, in minor units) cover them all, and "
    "`converted_total` is their sum in the account's currency (`currency`), through the "
    "currency service. When that service does not answer, the board still does: the "
    "converted totals it could not make are null and `unconverted` names the currencies.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_board(pipeline_id: str, caller: DealsRead, exchange: CurrencyRates) -> Board:
    return await service.board(caller, pipeline_id, exchange)


@router.post(
    "/{pipeline_id}/stages",
    status_code=201,
    response_model=PipelineRead,
    summary="Add a stage, at the end or at a position",
    responses=error_responses(*SIGNED_IN, NotFound, StageNameTaken),
)
async def add_stage(pipeline_id: str, body: StageCreate, principal: PipelinesWrite) -> Pipeline:
    return await service.add_stage(principal, pipeline_id, body)


@router.patch(
    "/{pipeline_id}/stages/{stage_id}",
    response_model=PipelineRead,
    summary="Rename a stage",
    responses=error_responses(*SIGNED_IN, NotFound, StageNameTaken),
)
async def rename_stage(
    pipeline_id: str, stage_id: str, body: StageUpdate, principal: PipelinesWrite
) -> Pipeline:
    return await service.rename_stage(principal, pipeline_id, stage_id, body)


@router.put(
    "/{pipeline_id}/stage-order",
    response_model=PipelineRead,
    summary="Put the stages in a new order",
    description="`stage_ids` lists every stage of the pipeline exactly once (422 otherwise).",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def reorder_stages(pipeline_id: str, body: StageOrder, principal: PipelinesWrite) -> Pipeline:
    return await service.reorder_stages(principal, pipeline_id, body)


@router.delete(
    "/{pipeline_id}/stages/{stage_id}",
    status_code=204,
    summary="Delete a stage",
    description="409 `stage_not_empty` while it holds deals, unless `target_stage_id` takes "
    "them (each move is logged); 409 `last_stage` for a pipeline's only stage.",
    responses=error_responses(*SIGNED_IN, NotFound, StageNotEmpty, LastStage),
)
async def delete_stage(
    pipeline_id: str, stage_id: str, principal: PipelinesWrite, target_stage_id: TargetStage = None
) -> Response:
    await service.delete_stage(principal, pipeline_id, stage_id, target_stage_id)
    return Response(status_code=204)
