"""A sales pipeline: an ordered list of stages that deals move through."""

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class Stage(BaseModel):
    # Generated once and never reused, so deals and automations keep pointing at the same
    # stage through renames and reorders.
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    name: str


class Pipeline(TenantDocument):
    name: str
    stages: list[Stage] = []  # in board order

    def stage(self, stage_id: PydanticObjectId) -> Stage | None:
        return next((stage for stage in self.stages if stage.id == stage_id), None)

    class Settings:
        name = "pipelines"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # A deal is moved by its stage id alone: this finds the pipeline holding it.
            IndexModel([("account_id", ASCENDING), ("stages.id", ASCENDING)]),
        ]
