from pydantic import Field

from shared.utilities.schemas import DocumentRead, IdStr, WriteModel

JOIN_WITH = (
    "the id to join on the conversation socket (`conversation:join`) and to post messages "
    "to; the channel's own `id` names the channel"
)


class ChannelCreate(WriteModel):
    # Lower case, digits, dashes and underscores, as channel names usually are.
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}$")
    topic: str = Field("", max_length=500)


class ChannelRead(DocumentRead):
    name: str
    topic: str
    conversation_id: IdStr = Field(description=JOIN_WITH)
    created_by: str
