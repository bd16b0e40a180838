from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, StringConstraints

from shared.models.crm_tag import CrmTag

TagName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class TagCreate(BaseModel):
    name: TagName


class TagUpdate(BaseModel):
    name: TagName | None = None


class TagRead(BaseModel):
    id: str
    name: str
    contact_count: int  # live contacts the caller may see that carry the tag
    created_at: datetime

    @classmethod
    def of(cls, tag: CrmTag, contact_count: int) -> "TagRead":
        return cls(
            id=str(tag.id), name=tag.name, contact_count=contact_count, created_at=tag.created_at
        )
