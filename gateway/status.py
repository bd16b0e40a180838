"""`GET /status`: the health of every service, for the dashboard's status panel."""

import asyncio
from typing import Annotated
from urllib.parse import urlsplit

import aiohttp
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from gateway.auth import SignedInOrInternal
from gateway.settings import GatewaySettings
from shared.utilities.errors import Unauthorized, UpstreamError, error_responses
from shared.utilities.proxy import NOT_RUNNING

router = APIRouter(tags=["status"])

PROBE_SECONDS = 2


class ServiceStatus(BaseModel):
    service: str
    url: str
    port: int | None
    status: str  # "up", "down", or "not started" (not run here: ./scripts/up --only)


class PlatformStatus(BaseModel):
    services: list[ServiceStatus]


def get_pool(request: Request) -> aiohttp.ClientSession:
    return request.app.state.pool


def get_settings(request: Request) -> GatewaySettings:
    return request.app.state.settings


async def probe(pool: aiohttp.ClientSession, name: str, url: str) -> ServiceStatus:
    if url == NOT_RUNNING:
        return ServiceStatus(service=name, url=url, port=None, status="not started")
    try:
        async with pool.get(
            f"{url}/health", timeout=aiohttp.ClientTimeout(PROBE_SECONDS)
        ) as answer:
            status = "up" if answer.status == 200 else "down"
    except (TimeoutError, aiohttp.ClientError):
        status = "down"
    return ServiceStatus(service=name, url=url, port=urlsplit(url).port, status=status)


@router.get(
    "/status",
    summary="The health of every service (signed-in users and internal callers)",
    responses=error_responses(Unauthorized, UpstreamError),
)
async def platform_status(
    _: SignedInOrInternal,
    pool: Annotated[aiohttp.ClientSession, Depends(get_pool)],
    settings: Annotated[GatewaySettings, Depends(get_settings)],
) -> PlatformStatus:
    probes = (probe(pool, name, url) for name, url in settings.status_targets.items())
    return PlatformStatus(services=await asyncio.gather(*probes))
