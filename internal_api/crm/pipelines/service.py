"""Pipelines and their stages. A pipeline has at least one stage and its stages have different
names. A stage or a pipeline that still holds deals is deleted only with a target stage for
them; each deal moved there is logged like any move."""

from beanie import PydanticObjectId

from internal_api.crm.deals import service as deals
from internal_api.crm.deals.auth import DealsCaller
from internal_api.crm.pipelines.board import Board, board_of
from internal_api.crm.pipelines.errors import (
    LastStage,
    PipelineNotEmpty,
    StageNameTaken,
    StageNotEmpty,
)
from internal_api.crm.pipelines.repository import PipelineRepository, stage_of
from internal_api.crm.pipelines.schemas import (
    PipelineCreate,
    PipelineUpdate,
    StageCreate,
    StageOrder,
    StageUpdate,
)
from internal_api.exchange_rates import ExchangeRates
from shared.models.pipeline import Pipeline, Stage
from shared.utilities.auth import Principal
from shared.utilities.errors import DomainError, InvalidInput
from shared.utilities.pagination import Page, PageParams


def pipelines(principal: Principal) -> PipelineRepository:
    return PipelineRepository(principal.account_id)


async def create_pipeline(principal: Principal, body: PipelineCreate) -> Pipeline:
    stages = [Stage(name=name) for name in body.stages]
    return await pipelines(principal).create(name=body.name, stages=stages)


async def list_pipelines(principal: Principal, params: PageParams) -> Page[Pipeline]:
    return await pipelines(principal).paginate(params)


async def get_pipeline(principal: Principal, pipeline_id: str) -> Pipeline:
    return await pipelines(principal).get(pipeline_id)


async def update_pipeline(principal: Principal, pipeline_id: str, body: PipelineUpdate) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    if body.name is not None:
        pipeline.name = body.name
    await pipeline.save()
    return pipeline


async def delete_pipeline(
    principal: Principal, pipeline_id: str, target_stage_id: str | None
) -> None:
    """409 while it holds deals, unless `target_stage_id` (on another pipeline) takes them."""
    pipeline = await get_pipeline(principal, pipeline_id)
    await empty_stages(principal, pipeline.stages, target_stage_id, PipelineNotEmpty, pipeline.name)
    await pipeline.delete()


async def board(caller: DealsCaller, pipeline_id: str, exchange: ExchangeRates) -> Board:
    """The board of the deals the caller sees, totals converted into the account's currency."""
    pipeline = await PipelineRepository(caller.account_id).get(pipeline_id)
    return await board_of(pipeline, caller.records, caller.locale.currency, exchange)


async def add_stage(principal: Principal, pipeline_id: str, body: StageCreate) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    check_name_free(pipeline, body.name)
    position = len(pipeline.stages) if body.position is None else body.position
    pipeline.stages.insert(position, Stage(name=body.name))
    await pipeline.save()
    return pipeline


async def rename_stage(
    principal: Principal, pipeline_id: str, stage_id: str, body: StageUpdate
) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    stage = stage_of(pipeline, stage_id)
    check_name_free(pipeline, body.name, renaming=stage)
    stage.name = body.name
    await pipeline.save()
    return pipeline


def check_name_free(pipeline: Pipeline, name: str, renaming: Stage | None = None) -> None:
    """No other stage of the pipeline has the name (case aside)."""
    if any(
        stage.name.casefold() == name.casefold() and stage is not renaming
        for stage in pipeline.stages
    ):
        raise StageNameTaken(
            f"{pipeline.name} already has a stage named {name}.",
            details=[{"field": "name", "message": "another stage has this name"}],
        )


async def reorder_stages(principal: Principal, pipeline_id: str, body: StageOrder) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    by_id = {stage.id: stage for stage in pipeline.stages}
    if sorted(body.stage_ids) != sorted(by_id):
        raise InvalidInput(
            "The order must list each of the pipeline's stages exactly once.",
            details=[{"field": "stage_ids", "message": "not a permutation of the stages"}],
        )
    pipeline.stages = [by_id[stage_id] for stage_id in body.stage_ids]
    await pipeline.save()
    return pipeline


async def delete_stage(
    principal: Principal, pipeline_id: str, stage_id: str, target_stage_id: str | None
) -> None:
    """409 while it holds deals, unless `target_stage_id` takes them; the last stage stays."""
    pipeline = await get_pipeline(principal, pipeline_id)
    stage = stage_of(pipeline, stage_id)
    if len(pipeline.stages) == 1:
        raise LastStage(f"{stage.name} is the only stage of {pipeline.name}: it stays.")
    await empty_stages(principal, [stage], target_stage_id, StageNotEmpty, stage.name)
    pipeline.stages.remove(stage)
    await pipeline.save()


async def empty_stages(
    principal: Principal,
    leaving: list[Stage],
    target_stage_id: str | None,
    not_empty: type[DomainError],
    named: str,
) -> None:
    """Move the deals of stages about to go to the target stage (any of the account's but
    those), or refuse with `not_empty` naming what goes (`named`) when they hold deals and
    there is no target."""
    held = await deals.count_on_stages(PydanticObjectId(principal.account_id), leaving)
    if target_stage_id is None:
        if held:
            raise not_empty(
                f"{held} deals are still on {named}: "
                "give a target_stage_id to move them to, or move them first.",
                details=[{"deals": held}],
            )
        return
    target_pipeline, target = await pipelines(principal).holding(target_stage_id)
    if target.id in {stage.id for stage in leaving}:
        raise InvalidInput(
            "The deals cannot move to a stage being deleted.",
            details=[{"field": "target_stage_id", "message": "a stage being deleted"}],
            location="query",
        )
    for stage in leaving:
        await deals.move_all(principal, stage, target_pipeline, target)
