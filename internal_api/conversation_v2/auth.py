"""Who may use the conversations API: reading needs `conversations:read`, writing (opening
conversations, creating channels and groups, posting) `conversations:write`. Which
conversations a reader sees is `shared.domain.messages.conversations.visible_to`."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ConversationsRead = Annotated[Principal, Depends(requires("conversations:read"))]
ConversationsWrite = Annotated[Principal, Depends(requires("conversations:write"))]
