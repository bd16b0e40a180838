from datetime import datetime

from pydantic import Field

from internal_api.projects.fields import Columns, PlainText, Title
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class ProjectCreate(WriteModel):
    name: Title
    description: PlainText = ""
    columns: Columns | None = Field(
        None, description="its first board's columns; none: To do, In progress, Done"
    )


class ProjectUpdate(WriteModel):
    name: Title | None = None
    description: PlainText | None = None


class ProjectRead(DocumentRead):
    name: str
    description: str
    archived_at: datetime | None
    template_id: IdStr | None
