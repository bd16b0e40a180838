"""Finding an account's pipelines and their stages; a stage of another account answers 404."""

from beanie import PydanticObjectId

from shared.models.pipeline import Pipeline, Stage
from shared.utilities.errors import NotFound
from shared.utilities.repository import TenantRepository, object_id


class PipelineRepository(TenantRepository[Pipeline]):
    noun = "Pipeline"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Pipeline, account_id)

    async def get_stage(
        self, pipeline_id: str | PydanticObjectId, stage_id: str | PydanticObjectId
    ) -> tuple[Pipeline, Stage]:
        pipeline = await self.get(pipeline_id)
        return pipeline, stage_of(pipeline, stage_id)

    async def holding(self, stage_id: str | PydanticObjectId) -> tuple[Pipeline, Stage]:
        """The pipeline holding a stage (stage ids are unique across pipelines), and the stage."""
        oid = object_id(stage_id)
        found = await self.find_one({"stages.id": oid}) if oid else None
        if found is None:
            raise NotFound(f"Stage {stage_id} does not exist.")
        return found, stage_of(found, stage_id)


def stage_of(pipeline: Pipeline, stage_id: str | PydanticObjectId) -> Stage:
    oid = object_id(stage_id)
    stage = pipeline.stage(oid) if oid else None
    if stage is None:
        raise NotFound(f"Stage {stage_id} does not exist in {pipeline.name}.")
    return stage
