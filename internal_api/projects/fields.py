"""Field types and request parts the projects API's schemas share."""

from typing import Annotated

from pydantic import Field, StringConstraints

from shared.utilities.schemas import IdStr, ReadModel, WriteModel

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
PlainText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
RichText = Annotated[
    str, Field(max_length=50_000, description="HTML; kept: a small safe set of tags, sanitised")
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Labels = Annotated[list[Label], Field(max_length=20)]
ColumnName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class ColumnWrite(WriteModel):
    name: ColumnName
    done: bool = Field(False, description="a task moved here is completed; moved out, reopened")


Columns = Annotated[list[ColumnWrite], Field(min_length=1, max_length=20)]


class ColumnRead(ReadModel):
    id: IdStr
    name: str
    done: bool
