"""`/metrics` of an app built by the factory: requests by route template and status, latency
buckets, in-flight requests, direct routes, pools, and who may scrape."""

import time
from types import SimpleNamespace

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, Request
from starlette.responses import PlainTextResponse

from shared.utilities.app import create_app
from shared.utilities.direct_routes import DirectRoute
from shared.utilities.metrics import LATENCY_BUCKETS, MongoPools, RequestMetrics, metrics_of
from shared.utilities.settings import ServiceSettings
from tests.metrics_scrape import scrape, value


class ProbeSettings(ServiceSettings):
    service_name = "metrics_probe"


router = APIRouter()


@router.get("/items/{item_id}")
async def item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


@router.get("/busy")
async def busy(request: Request) -> dict[str, int]:
    return {"in_flight": metrics_of(request.app).requests.in_flight}


async def plain(scope, receive, send) -> None:
    await PlainTextResponse("direct")(scope, receive, send)


@pytest.fixture(scope="module")
async def app():
    app = create_app(
        ProbeSettings(),
        title="Probe",
        routers=[router],
        direct=[DirectRoute("/direct/", plain)],
    )
    async with LifespanManager(app):
        yield app


def client_from(app, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://probe")


@pytest.fixture
async def client(app):
    async with client_from(app, "127.0.0.1") as client:
        yield client


async def test_requests_are_counted_by_route_template_and_status(client):
    before = await scrape(client)
    await client.get("/items/1")
    await client.get("/items/2")
    await client.get("/items/not-a-number")

    after = await scrape(client)

    labels = {"method": "GET", "route": "/items/{item_id}"}
    counted = value(after, "http_requests_total", **labels, status="200")
    assert counted - (value(before, "http_requests_total", **labels, status="200") or 0) == 2
    assert value(after, "http_requests_total", **labels, status="422") is not None
    assert value(after, "http_requests_total", route="/items/1") is None


async def test_a_path_no_route_takes_is_recorded_as_unmatched(client):
    await client.get("/nowhere/at/all")

    exposition = await scrape(client)

    assert value(exposition, "http_requests_total", route="unmatched", status="404") >= 1
    assert value(exposition, "http_requests_total", route="/nowhere/at/all") is None


async def test_a_direct_route_is_recorded_under_its_prefix(client):
    await client.get("/direct/anything")

    exposition = await scrape(client)

    assert value(exposition, "http_requests_total", route="/direct/*", status="200") >= 1


async def test_a_request_being_answered_is_in_flight(client):
    answer = await client.get("/busy")

    assert answer.json() == {"in_flight": 1}
    assert value(await scrape(client), "http_requests_in_flight") == 1  # the scrape itself


def test_a_latency_is_counted_in_every_bucket_from_its_own_up():
    metrics = RequestMetrics()
    scope = {"method": "GET", "path": "/r", "route": SimpleNamespace(path="/r")}
    metrics.in_flight += 1
    metrics.finished(scope, 200, time.perf_counter() - 0.03)  # a request of 30 ms

    (latency,) = [family for family in metrics.collect() if family.name.endswith("seconds")]

    buckets = {s.labels["le"]: s.value for s in latency.samples if s.name.endswith("_bucket")}
    assert (buckets["0.025"], buckets["0.05"], buckets["+Inf"]) == (0, 1, 1)
    assert len(buckets) == len(LATENCY_BUCKETS) + 1


def test_mongodb_pools_count_connections_open_and_checked_out():
    pools = MongoPools()
    event = SimpleNamespace(address=("mongo", 27017))
    for _ in range(3):
        pools.connection_created(event)
    pools.connection_checked_out(event)
    pools.connection_checked_out(event)
    pools.connection_checked_in(event)

    assert (pools.open, pools.in_use) == ({"mongo:27017": 3}, {"mongo:27017": 1})


async def test_a_scrape_through_a_proxy_is_refused(client):
    answer = await client.get("/metrics", headers={"x-forwarded-for": "203.0.113.9"})

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "metrics_not_allowed"


async def test_a_scraper_outside_the_allowed_networks_is_refused(app):
    async with client_from(app, "203.0.113.9") as outsider:
        answer = await outsider.get("/metrics")

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "metrics_not_allowed"
