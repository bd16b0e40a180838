"""The gateway: the dashboard page, the status panel, and /v1/* passed on to the router."""

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.fixtures import free_port

LIVE_SESSION = "live-session"


def fake_router(seen: list[dict]) -> Starlette:
    async def exchange(request: Request) -> JSONResponse:
        """As the router answers: a token for a live session, 401 otherwise."""
        if request.headers.get("x-session-id") == LIVE_SESSION:
            return JSONResponse({}, headers={"authorization": "Bearer minted"})
        return JSONResponse({"error": {"code": "unauthorized"}}, status_code=401)

    async def echo(request: Request) -> JSONResponse:
        body = await request.body()
        seen.append({"path": request.url.path, "headers": dict(request.headers), "body": body})
        return JSONResponse({"path": request.url.path}, status_code=201)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/health", health),
            Route("/v1/auth/exchange", exchange),
            Route("/v1/{path:path}", echo, methods=["GET", "POST"]),
        ]
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


async def test_status_reports_each_service_up_or_down_to_a_signed_in_user(gateway, router_seen):
    router_url, _ = router_seen

    response = await gateway.get("/status", headers={"x-session-id": LIVE_SESSION})

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


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-session-id": "not-a-session"}, {"authorization": "Bearer forged"}],
    ids=["anonymous", "unknown-session", "forged-token"],
)
async def test_status_is_refused_to_anyone_not_signed_in(gateway, headers):
    response = await gateway.get("/status", headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert "services" not in response.json()


async def test_status_is_shown_to_an_internal_caller_with_a_service_token(gateway):
    token = service_token(authenticator_for(ServiceSettings()), "queue_manager", "gateway")

    response = await gateway.get("/status", headers={"authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json()["services"]


async def test_the_session_exchange_is_refused_to_browsers(gateway, router_seen):
    _, seen = router_seen

    response = await gateway.get("/v1/auth/exchange", headers={"x-session-id": LIVE_SESSION})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert "authorization" not in response.headers
    assert seen == []


async def test_the_signup_form_states_the_password_rule(gateway):
    page = (await gateway.get("/")).text

    assert "At least 10 characters" in page


async def test_a_providers_consent_callback_is_the_dashboard_page_that_completes_it(gateway):
    response = await gateway.get("/integrations/google_analytics/callback?state=s&code=c")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    page = response.text
    # It posts what the provider gave to the complete endpoint, with the user's session.
    assert "/auth/complete" in page and '"x-session-id": session' in page


async def test_a_callback_for_a_name_that_is_no_provider_is_refused(gateway):
    response = await gateway.get("/integrations/Bad!/callback")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "path.provider"
