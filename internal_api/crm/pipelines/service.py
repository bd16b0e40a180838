"""Pipelines and their stages. A stage or a pipeline that still holds deals is deleted only
with a target stage for them; each deal moved there is logged like any move."""

from beanie import PydanticObjectId

from internal_api.crm.deals import service as deals
from internal_api.crm.pipelines.repository import PipelineRepository, stage_of
from internal_api.crm.pipelines.schemas import (
    PipelineCreate,
    PipelineUpdate,
    StageCreate,
    StageOrder,
    StageUpdate,
)
from internal_api.crm.visibility import VisibleRepository
from shared.models.deal import Deal
from shared.models.pipeline import Pipeline, Stage
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict, InvalidInput
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
    await empty_stages(principal, pipeline, pipeline.stages, target_stage_id)
    await pipeline.delete()


async def board(
    principal: Principal, visible_deals: VisibleRepository[Deal], pipeline_id: str
) -> tuple[Pipeline, list[deals.Column]]:
    pipeline = await get_pipeline(principal, pipeline_id)
    return pipeline, await deals.board(visible_deals, pipeline)


async def add_stage(principal: Principal, pipeline_id: str, body: StageCreate) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    position = len(pipeline.stages) if body.position is None else body.position
    pipeline.stages.insert(position, Stage(name=body.name))
    await pipeline.save()
    return pipeline


async def rename_stage(
    principal: Principal, pipeline_id: str, stage_id: str, body: StageUpdate
) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    stage_of(pipeline, stage_id).name = body.name
    await pipeline.save()
    return pipeline


async def reorder_stages(principal: Principal, pipeline_id: str, body: StageOrder) -> Pipeline:
    pipeline = await get_pipeline(principal, pipeline_id)
    by_id = {stage.id: stage for stage in pipeline.stages}
    if sorted(body.stage_ids) != sorted(by_id):
        raise InvalidInput(
            "The order must list each of the pipeline's stages exactly once.",
            details=[{"field": "body.stage_ids", "message": "not a permutation of the stages"}],
        )
    pipeline.stages = [by_id[stage_id] for stage_id in body.stage_ids]
    await pipeline.save()
    return pipeline


async def delete_stage(
    principal: Principal, pipeline_id: str, stage_id: str, target_stage_id: str | None
) -> None:
    """409 while it holds deals, unless `target_stage_id` takes them."""
    pipeline = await get_pipeline(principal, pipeline_id)
    stage = stage_of(pipeline, stage_id)
    await empty_stages(principal, pipeline, [stage], target_stage_id)
    pipeline.stages.remove(stage)
    await pipeline.save()


async def empty_stages(
    principal: Principal, pipeline: Pipeline, leaving: list[Stage], target_stage_id: str | None
) -> None:
    """Move the deals of stages about to go to the target stage (any of the account's but
    those), or refuse with 409 when they hold deals and there is no target."""
    held = await deals.count_in_stages(PydanticObjectId(principal.account_id), leaving)
    if target_stage_id is None:
        if held:
            raise Conflict(
                f"{held} deals are still on {pipeline.name}: "
                "give a target_stage_id to move them to, or move them first."
            )
        return
    target_pipeline, target = await pipelines(principal).holding(target_stage_id)
    if target.id in {stage.id for stage in leaving}:
        raise InvalidInput(
            "The deals cannot move to a stage being deleted.",
            details=[{"field": "query.target_stage_id", "message": "a stage being deleted"}],
        )
    for stage in leaving:
        await deals.move_all(principal, stage, target_pipeline, target)
