"""Who may use the support inbox: the conversations' scopes, as support conversations are
conversations (`conversations:read` to read, `conversations:write` to open, change and keep
canned replies). Which conversations a caller sees is the reading rule of conversations
(`shared.domain.messages.conversations.visible_to`); what only the supporting team may do is
checked in `service`."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

SupportRead = Annotated[Principal, Depends(requires("conversations:read"))]
SupportWrite = Annotated[Principal, Depends(requires("conversations:write"))]
