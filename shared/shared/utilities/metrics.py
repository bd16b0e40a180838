"""`/metrics` on every service, in Prometheus' text format (prometheus-client's exposition).

What every app built by the factory exports:
- `http_requests_total`, `http_request_duration_seconds` (a histogram) by method, route
  TEMPLATE (`/v1/crm/contacts/{contact_id}`, never the raw path: the series stay bounded) and
  status, and `http_requests_in_flight`;
- `mongodb_pool_connections` / `mongodb_pool_connections_in_use` by server (pymongo's pool
  events) and `redis_pool_connections` / `redis_pool_connections_in_use` by client;
- whatever the service adds (`AppMetrics.registry.register`, `AppMetrics.on_scrape`): the
  router's exchanges and rate limits (`router.metrics`), the sockets' connections, rooms and
  emits (`shared.utilities.socket_metrics`), the queue manager's queue depths
  (`queue_manager.monitor.metrics`), and the process-wide default registry (the Celery tasks'
  metrics of an in-process worker, `shared.utilities.task_metrics`).

Requests are recorded in plain Python on the event loop, one process's own (a service runs one
process per replica, and Prometheus scrapes each replica): no lock per request, unlike the
library's metric objects, which keep a mutex per value. The Celery workers, which fork, record
with the library in its multi-process mode instead (`shared.utilities.task_metrics`).

Who may read it: `/metrics` is not under `/v1/`, so neither the router's table nor Traefik's
IngressRoute routes to it, but the gateway's `/` is reached through Traefik; so a scrape that
came through a proxy (X-Forwarded-For or Forwarded) is refused, as is one from outside
METRICS_ALLOWED_NETWORKS (loopback by default, the pod network on Kubernetes, where the
NetworkPolicies also let only Prometheus' namespace reach the port; `deploy/k8s`).
"""

import time
from bisect import bisect_left
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network, ip_address
from typing import Any

from fastapi import FastAPI, Request, Response
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from pymongo import monitoring
from starlette.types import Scope

from shared.utilities.errors import Forbidden

PATH = "/metrics"
# prometheus-client's default buckets, in seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
UNMATCHED = "unmatched"  # a path no route took (a 404): one series, whatever was asked

Refresher = Callable[[FastAPI], Awaitable[None]]


@dataclass
class Series:
    """One (method, route, status)'s latencies: a count per bucket (not cumulative) and the
    sum. The last slot counts what is past the last bound (+Inf)."""

    buckets: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS) + 1))
    total_seconds: float = 0.0

    def cumulative(self) -> list[tuple[str, float]]:
        running, cumulated = 0, []
        for bound, count in zip((*map(str, LATENCY_BUCKETS), "+Inf"), self.buckets, strict=True):
            running += count
            cumulated.append((bound, float(running)))
        return cumulated


class RequestMetrics:
    """The app's request counts and latencies, recorded by the factory's edge middleware
    (`RequestContextMiddleware`, which already times every request and knows its status),
    collected by prometheus-client at scrape time."""

    def __init__(self, direct_prefixes: Sequence[str] = ()) -> None:
        self.series: dict[tuple[str, str, int], Series] = {}
        self.in_flight = 0
        self.direct_prefixes = tuple(direct_prefixes)

    def finished(self, scope: Scope, status: int, started: float) -> None:
        """A request answered (`started` by `time.perf_counter`), under the template of the
        route that took it (FastAPI leaves the route in the scope), a direct route's prefix,
        or `unmatched`. On every request: kept to a dict lookup and a bisection."""
        seconds = time.perf_counter() - started
        self.in_flight -= 1
        route = scope.get("route")
        key = (scope["method"], route.path if route else self.unrouted(scope["path"]), status)
        series = self.series.get(key)
        if series is None:
            series = self.series[key] = Series()
        series.buckets[bisect_left(LATENCY_BUCKETS, seconds)] += 1
        series.total_seconds += seconds

    def unrouted(self, path: str) -> str:
        for prefix in self.direct_prefixes:
            if path.startswith(prefix):
                return f"{prefix}*"
        return UNMATCHED

    def collect(self) -> Iterator[Metric]:
        labels = ["method", "route", "status"]
        requests = CounterMetricFamily("http_requests", "HTTP requests answered", labels=labels)
        latency = HistogramMetricFamily(
            "http_request_duration_seconds", "Time to answer an HTTP request", labels=labels
        )
        for (method, route, status), series in list(self.series.items()):
            key = [method, route, str(status)]
            buckets = series.cumulative()
            requests.add_metric(key, buckets[-1][1])
            latency.add_metric(key, buckets, series.total_seconds)
        in_flight = GaugeMetricFamily("http_requests_in_flight", "HTTP requests being answered")
        in_flight.add_metric([], self.in_flight)
        yield from (requests, latency, in_flight)


class MongoPools(monitoring.ConnectionPoolListener):
    """Every MongoDB pool of the process, by server: connections open and checked out."""

    def __init__(self) -> None:
        self.open: dict[str, int] = {}
        self.in_use: dict[str, int] = {}

    @staticmethod
    def server(event: Any) -> str:
        host, port = event.address
        return f"{host}:{port}"

    def add(self, counts: dict[str, int], event: Any, step: int) -> None:
        server = self.server(event)
        counts[server] = counts.get(server, 0) + step

    def connection_created(self, event: Any) -> None:
        self.add(self.open, event, 1)

    def connection_closed(self, event: Any) -> None:
        self.add(self.open, event, -1)

    def connection_checked_out(self, event: Any) -> None:
        self.add(self.in_use, event, 1)

    def connection_checked_in(self, event: Any) -> None:
        self.add(self.in_use, event, -1)

    def pool_created(self, event: Any) -> None: ...
    def pool_ready(self, event: Any) -> None: ...
    def pool_cleared(self, event: Any) -> None: ...
    def pool_closed(self, event: Any) -> None: ...
    def connection_ready(self, event: Any) -> None: ...
    def connection_check_out_started(self, event: Any) -> None: ...
    def connection_check_out_failed(self, event: Any) -> None: ...

    def collect(self) -> Iterator[Metric]:
        yield gauge("mongodb_pool_connections", "MongoDB connections open", "server", self.open)
        yield gauge(
            "mongodb_pool_connections_in_use",
            "MongoDB connections checked out",
            "server",
            self.in_use,
        )


# Registered once per process, before any client is made (pymongo reads the list then).
MONGO_POOLS = MongoPools()
monitoring.register(MONGO_POOLS)


class RedisPools:
    """The app's Redis clients' pools (redis-py keeps no counters; its pool lists are read)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def pools(self) -> dict[str, Any]:
        clients = {"service": getattr(self.app.state, "redis", None)}
        clients |= getattr(self.app.state, "metrics_redis_clients", {})
        return {
            name: client.connection_pool
            for name, client in clients.items()
            if client is not None and hasattr(client.connection_pool, "_in_use_connections")
        }

    def collect(self) -> Iterator[Metric]:
        pools = self.pools()
        in_use = {name: len(pool._in_use_connections) for name, pool in pools.items()}
        idle = {name: len(pool._available_connections) for name, pool in pools.items()}
        opened = {name: in_use[name] + idle[name] for name in pools}
        yield gauge("redis_pool_connections", "Redis connections open", "client", opened)
        yield gauge("redis_pool_connections_in_use", "Redis connections in use", "client", in_use)


def gauge(name: str, documentation: str, label: str, values: dict[str, int]) -> Metric:
    family = GaugeMetricFamily(name, documentation, labels=[label])
    for value_label, value in values.items():
        family.add_metric([value_label], value)
    return family


class ProcessWide:
    """The process's default registry (process stats; an in-process Celery worker's tasks)."""

    def collect(self) -> Iterable[Metric]:
        return REGISTRY.collect()


class AppMetrics:
    """One app's metrics: its own registry (tests and embedded mode make many apps in one
    process) and the coroutines to run before each scrape (a queue's depth read from Redis)."""

    def __init__(self, app: FastAPI, direct_prefixes: Sequence[str] = ()) -> None:
        self.requests = RequestMetrics(direct_prefixes)
        self.registry = CollectorRegistry(auto_describe=False)
        self.refreshers: list[Refresher] = []
        for collector in (self.requests, MONGO_POOLS, RedisPools(app), ProcessWide()):
            self.registry.register(collector)

    def on_scrape(self, refresher: Refresher) -> None:
        self.refreshers.append(refresher)

    async def exposition(self, app: FastAPI) -> bytes:
        for refresh in self.refreshers:
            await refresh(app)
        return generate_latest(self.registry)


def metrics_of(app: FastAPI) -> AppMetrics:
    return app.state.metrics


class MetricsNotAllowed(Forbidden):
    code = "metrics_not_allowed"
    message = (
        "/metrics answers only scrapers on METRICS_ALLOWED_NETWORKS, and never through a proxy."
    )


PROXIED = (b"x-forwarded-for", b"forwarded")


def scraper_allowed(scope: Scope, networks: Sequence[IPv4Network | IPv6Network]) -> bool:
    """Prometheus connects directly; a request a proxy passed on (the gateway's `/`, reached
    through Traefik) carries X-Forwarded-For, so it is refused whoever sent it."""
    if any(name in PROXIED for name, _ in scope["headers"]):
        return False
    client = scope.get("client")
    try:
        address = ip_address(client[0]) if client else None
    except ValueError:
        return False
    return address is not None and any(address in network for network in networks)


async def scrape(request: Request) -> Response:
    app = request.app
    if not scraper_allowed(request.scope, app.state.settings.metrics_allowed_networks):
        raise MetricsNotAllowed()
    body = await metrics_of(app).exposition(app)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def instrument(app: FastAPI, direct_prefixes: Sequence[str]) -> AppMetrics:
    """`/metrics` on the app; the factory hands `.requests` to its edge middleware, which
    records every request, direct routes' included."""
    metrics = app.state.metrics = AppMetrics(app, direct_prefixes)
    app.router.add_api_route(PATH, scrape, include_in_schema=False)
    return metrics
