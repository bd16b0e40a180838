from datetime import datetime
from typing import Annotated

from pydantic import StringConstraints

from shared.utilities.schemas import IdStr, ReadModel, WriteModel

TagName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class TagCreate(WriteModel):
    name: TagName


class TagUpdate(WriteModel):
    name: TagName | None = None


class TagRead(ReadModel):
    id: IdStr
    name: str
    contact_count: int  # live contacts the caller may see that carry the tag
    created_at: datetime
