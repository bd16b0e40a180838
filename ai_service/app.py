from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ai_service.chat.routes import router as chat_router
from ai_service.generate.routes import router as generate_router
from ai_service.provider import OpenAIProvider
from ai_service.settings import AiServiceSettings
from ai_service.usage.routes import router as usage_router
from shared.utilities.app import create_app as create_service_app
from shared.utilities.quotas import Quotas


@asynccontextmanager
async def quotas_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The usage limits' counters, on the app's Redis."""
    app.state.quotas = Quotas(app.state.redis)
    yield


@asynccontextmanager
async def provider_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The provider's client for the app's life; none without an API key (routes answer 503)."""
    settings: AiServiceSettings = app.state.settings
    if not settings.openai_api_key.get_secret_value():
        app.state.provider = None
        yield
        return
    app.state.provider = OpenAIProvider.from_settings(settings)
    try:
        yield
    finally:
        await app.state.provider.close()


def create_app(settings: AiServiceSettings) -> FastAPI:
    return create_service_app(
        settings,
        title="AI service",
        routers=[chat_router, generate_router, usage_router],
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[quotas_lifespan, provider_lifespan],
    )
