from datetime import datetime

from pydantic import BaseModel, Field

from shared.models.conversation_group import ConversationGroup


class GroupCreate(BaseModel):
    """The creator is a member without being listed."""

    name: str = Field(min_length=1, max_length=100)
    member_ids: list[str] = Field(min_length=1, max_length=100)


class GroupRead(BaseModel):
    id: str
    name: str
    conversation_id: str
    created_by: str
    created_at: datetime
    member_ids: list[str]

    @classmethod
    def of(cls, group: ConversationGroup, member_ids: list[str]) -> "GroupRead":
        return cls.model_validate({**group.model_dump(mode="json"), "member_ids": member_ids})
