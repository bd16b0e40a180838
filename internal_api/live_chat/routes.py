"""Every route of live chat, under /v1/live-chat."""

from fastapi import APIRouter

from internal_api.live_chat.prospects.routes import router as prospects_router
from internal_api.live_chat.widgets.routes import router as widgets_router

router = APIRouter(prefix="/v1/live-chat")
for part in (widgets_router, prospects_router):
    router.include_router(part)
