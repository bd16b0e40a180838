"""A project's board: its columns in order ("To do", "Doing", "Done"); the tasks in them are
`ProjectTask`s, each with its column and position."""

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class BoardColumn(BaseModel):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    name: str
    # A task moved into this column is completed; moved out of it, reopened.
    done: bool = False


class ProjectBoard(TenantDocument):
    project_id: PydanticObjectId
    name: str
    columns: list[BoardColumn]  # in board order

    def column(self, column_id: PydanticObjectId) -> BoardColumn | None:
        return next((column for column in self.columns if column.id == column_id), None)

    class Settings:
        name = "project_boards"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("project_id", ASCENDING), ("created_at", ASCENDING)]
            ),
        ]
