from datetime import datetime

from pydantic import BaseModel, Field

from shared.models.conversation_channel import ConversationChannel


class ChannelCreate(BaseModel):
    # Lower case, digits, dashes and underscores, as channel names usually are.
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}$")
    topic: str = Field("", max_length=500)


class ChannelRead(BaseModel):
    id: str
    name: str
    topic: str
    conversation_id: str
    created_by: str
    created_at: datetime

    @classmethod
    def of(cls, channel: ConversationChannel) -> "ChannelRead":
        return cls.model_validate(channel.model_dump(mode="json"))
