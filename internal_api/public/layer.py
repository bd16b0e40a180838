"""The public layer's parts, made in the app's lifespan and reached through dependencies: the
captcha client, the rate limits and the render stamps."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.public.captcha import CaptchaKeys, Captchas, captcha_keys
from internal_api.public.cors import PublicCorsMiddleware
from internal_api.public.limits import PublicRateLimits
from internal_api.public.settings import PublicSettings
from internal_api.public.spam import RenderStamps
from shared.utilities.keys import development_secret
from shared.utilities.settings import RunMode
from shared.utilities.upstream import http_client


def stamp_key(settings: PublicSettings) -> bytes:
    """The configured key; a development secret in embedded mode when none is set (the
    settings refuse none in distributed mode)."""
    return (settings.public_stamp_key or development_secret("public-render-stamps")).encode()


def public_layer(
    settings: PublicSettings, captcha_transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding the public layer (`captcha_transport` stands in for the
    network to hCaptcha and Turnstile in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.captcha_timeout_seconds
        async with http_client(timeout, timeout, captcha_transport) as client:
            keys = captcha_keys(
                CaptchaKeys(settings.hcaptcha_site_key, settings.hcaptcha_secret),
                CaptchaKeys(settings.turnstile_site_key, settings.turnstile_secret),
            )
            app.state.captchas = Captchas(client, keys, settings.mode is RunMode.EMBEDDED)
            app.state.public_limits = PublicRateLimits(
                app.state.redis,
                settings.public_rate_limit_per_ip,
                settings.public_rate_limit_per_key,
            )
            app.state.render_stamps = RenderStamps(
                stamp_key(settings),
                settings.public_min_fill_seconds,
                settings.public_stamp_max_age_seconds,
            )
            yield

    return lifespan


def install_public_cors(app: FastAPI) -> None:
    """For the app factory's `configure`: the CORS headers of public routes' answers."""
    app.add_middleware(PublicCorsMiddleware)


def get_captchas(request: Request) -> Captchas:
    return request.app.state.captchas


def get_render_stamps(request: Request) -> RenderStamps:
    return request.app.state.render_stamps


PublicCaptchas = Annotated[Captchas, Depends(get_captchas)]
Stamps = Annotated[RenderStamps, Depends(get_render_stamps)]
