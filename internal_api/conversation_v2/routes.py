"""Every route of the module, under /v1/conversation-v2."""

from fastapi import APIRouter

from internal_api.conversation_v2.channels.routes import router as channels_router
from internal_api.conversation_v2.conversations.routes import router as conversations_router
from internal_api.conversation_v2.groups.routes import router as groups_router
from internal_api.conversation_v2.messages.routes import router as messages_router

PREFIX = "/v1/conversation-v2"

router = APIRouter(prefix=PREFIX)
for part in (conversations_router, channels_router, groups_router, messages_router):
    router.include_router(part)
