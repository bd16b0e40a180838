"""The gateway on a custom domain: a path outside /v1/ goes to the router as the hosted pages'
route for that host; the platform's own hosts and IP addresses keep the dashboard."""

import httpx
import pytest

from gateway.app import create_app
from gateway.settings import GatewaySettings
from tests.gateway.test_gateway import fake_router


@pytest.fixture
async def router_seen(serve):
    seen: list[dict] = []
    async with serve(fake_router(seen)) as url:
        yield url, seen


@pytest.fixture
async def gateway(router_seen, serve):
    router_url, _ = router_seen
    settings = GatewaySettings(router_url=router_url, platform_hosts=["app.platform.test"])
    async with serve(create_app(settings)) as url, httpx.AsyncClient(base_url=url) as client:
        yield client


async def test_a_custom_domains_path_is_asked_of_the_hosted_pages(gateway, router_seen):
    _, seen = router_seen

    home = await gateway.get("/", headers={"host": "Offers.Acme.test:443"})
    step = await gateway.get("/thanks/?utm_source=ads", headers={"host": "offers.acme.test"})

    assert home.status_code == step.status_code == 201  # the fake router's answer
    assert [request["path"] for request in seen] == [
        "/v1/public/pages/hosts/offers.acme.test",
        "/v1/public/pages/hosts/offers.acme.test/thanks",
    ]


async def test_the_platforms_host_keeps_the_dashboard(gateway, router_seen):
    _, seen = router_seen

    response = await gateway.get("/", headers={"host": "app.platform.test"})

    assert "/v1/auth/login" in response.text
    assert seen == []


async def test_the_api_on_a_custom_domain_stays_the_api(gateway, router_seen):
    _, seen = router_seen

    await gateway.get("/v1/forms/public/1/embed.js", headers={"host": "offers.acme.test"})

    assert seen[-1]["path"] == "/v1/forms/public/1/embed.js"


async def test_a_host_no_domain_can_have_is_refused_without_asking(gateway, router_seen):
    _, seen = router_seen

    response = await gateway.get("/", headers={"host": "bad_host!"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "page_not_found"
    assert seen == []
