from typing import Annotated

from pydantic import Field

from internal_api.conversation_v2.channels.schemas import JOIN_WITH
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class GroupCreate(WriteModel):
    """The creator is a member without being listed."""

    name: str = Field(min_length=1, max_length=100)
    member_ids: Annotated[list[str], Field(min_length=1, max_length=100)]


class GroupRead(DocumentRead):
    name: str
    conversation_id: IdStr = Field(description=JOIN_WITH)
    created_by: str
    member_ids: list[IdStr]
