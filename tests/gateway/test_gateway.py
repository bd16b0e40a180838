"""The gateway: the dashboard page, the status panel, and /v1/* passed on to the router."""

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gateway.app import create_app
from gateway.settings import GatewaySettings
from tests.fixtures import free_port


def fake_router(seen: list[dict]) -> Starlette:
    async def echo(request: Request) -> JSONResponse:
        body = await request.body()
        seen.append({"path": request.url.path, "headers": dict(request.headers), "body": body})
        return JSONResponse({"path": request.url.path}, status_code=201)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[Route("/health", health), Route("/v1/{path:path}", echo, methods=["GET", "POST"])]
    )


@pytest.fixture
async def router_seen(serve):
    seen: list[dict] = []
    async with serve(fake_router(seen)) as url:
        yield url, seen


@pytest.fixture
async def gateway(router_seen, serve):
    router_url, _ = router_seen
    settings = GatewaySettings(
        router_url=router_url,
        status_targets={"router": router_url, "nowhere": f"http://127.0.0.1:{free_port()}"},
    )
    async with serve(create_app(settings)) as url, httpx.AsyncClient(base_url=url) as client:
        yield client


async def test_the_dashboard_page_is_served_at_the_root(gateway):
    response = await gateway.get("/")

    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "/v1/auth/login" in response.text


async def test_an_unknown_static_path_answers_404_in_the_uniform_shape(gateway):
    response = await gateway.get("/missing.js")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_api_requests_are_passed_to_the_router_with_body_and_status(gateway, router_seen):
    _, seen = router_seen

    response = await gateway.post(
        "/v1/auth/login?x=1", content=b'{"a": 1}', headers={"x-session-id": "s1"}
    )

    assert response.status_code == 201
    assert seen[-1]["path"] == "/v1/auth/login"
    assert seen[-1]["body"] == b'{"a": 1}'
    assert seen[-1]["headers"]["x-session-id"] == "s1"


async def test_a_request_id_is_added_when_the_dashboard_sends_none(gateway, router_seen):
    _, seen = router_seen

    response = await gateway.get("/v1/users/me")

    request_id = seen[-1]["headers"]["x-request-id"]
    assert len(request_id) == 32
    assert response.headers["x-request-id"] == request_id


async def test_the_dashboards_request_id_is_passed_on(gateway, router_seen):
    _, seen = router_seen

    await gateway.get("/v1/users/me", headers={"x-request-id": "dash-7"})

    assert seen[-1]["headers"]["x-request-id"] == "dash-7"


async def test_status_reports_each_service_up_or_down(gateway, router_seen):
    router_url, _ = router_seen

    response = await gateway.get("/status")

    services = {row["service"]: row for row in response.json()["services"]}
    assert services["router"]["status"] == "up"
    assert services["router"]["url"] == router_url
    assert services["nowhere"]["status"] == "down"


async def test_a_router_that_is_down_answers_502(serve):
    settings = GatewaySettings(router_url=f"http://127.0.0.1:{free_port()}")
    async with serve(create_app(settings)) as url, httpx.AsyncClient(base_url=url) as client:
        response = await client.get("/v1/users/me")

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "bad_gateway"


def test_the_status_panel_lists_every_service_on_its_port():
    from scripts.services import SERVICES

    targets = GatewaySettings().status_targets

    assert {name: url.rsplit(":", 1)[1] for name, url in targets.items()} == {
        service.compose_name: str(service.port) for service in SERVICES
    }
