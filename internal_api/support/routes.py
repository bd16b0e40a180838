"""Every route of the support inbox, under /v1/support."""

from fastapi import APIRouter

from internal_api.support.canned_replies.routes import router as canned_replies_router
from internal_api.support.conversations.routes import router as conversations_router

PREFIX = "/v1/support"

router = APIRouter(prefix=PREFIX)
for part in (conversations_router, canned_replies_router):
    router.include_router(part)
