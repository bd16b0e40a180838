from beanie import PydanticObjectId
from pydantic import Field

from internal_api.projects.fields import ColumnName, ColumnRead, Columns, Title
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class BoardCreate(WriteModel):
    name: Title
    columns: Columns


class BoardUpdate(WriteModel):
    name: Title


class ColumnCreate(WriteModel):
    name: ColumnName
    done: bool = False
    position: int | None = Field(None, ge=0, description="among the columns; none: the end")


class ColumnUpdate(WriteModel):
    name: ColumnName | None = None
    done: bool | None = None


class ColumnOrder(WriteModel):
    column_ids: list[PydanticObjectId] = Field(
        max_length=20, description="every column of the board, once, in the new order"
    )


class BoardRead(DocumentRead):
    project_id: IdStr
    name: str
    columns: list[ColumnRead]
