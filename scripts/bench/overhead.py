"""What the shared layers cost a request, measured in one run on one trivial route.

    .venv/bin/python -m scripts.bench.overhead [--seconds 10] [--connections 32]

Starts, each as its own process: a bare FastAPI app and a service built by the shared app
factory, both answering `GET /v1/ping` with `{"status": "ok"}`; the router in front of the
factory service (on a redis-server of the benchmark's own), once without rate limits and once
with them; and the gateway in front of the first router. Then loads each with wrk (one thread,
keep-alive connections), after a short warm-up:

- bare FastAPI, then the factory service (target: at least 70% of bare);
- router -> service on a public route, then with a session, then with a session and the rate
  limits counted (target: one hop keeps at least 60% of the service it fronts);
- gateway -> router -> service with a session (one more hop, against the router's row).

The services log as in production (LOG_LEVEL=INFO, every request, to a discarded stdout).
Every process shares the machine's cores with wrk, so throughput needs a quiet machine. The
CPU time each process on the way used per request (read from /proc) holds however busy it is,
and says which hop costs what; "CPU vs fronted" is the throughput the way would keep with a core
per process (the busiest process bounds it), against what it fronts: for a hop, the processes
behind it measured in the same row, at the same rate. That is the measure that holds on a loaded
machine.
"""

import argparse
import asyncio
import json
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import uvloop
from beanie import PydanticObjectId
from fastapi import APIRouter, FastAPI
from redis.asyncio import Redis

from scripts.bench.harness import (
    CpuTime,
    Load,
    cpu_time,
    own_redis,
    require_wrk,
    run_wrk,
    service,
    serving,
)
from shared.models.membership import ROLE_SCOPES, Role
from shared.utilities import sessions
from shared.utilities.app import create_app
from shared.utilities.server import server_for
from shared.utilities.settings import ServiceSettings
from tests.fixtures import free_port

ROUTE = "/v1/ping"
# The router's seal for the sessions seeded here (as internal_api would share it).
STATE_KEY = secrets.token_urlsafe(32)
WARM_UP_SECONDS = 2
NO_LIMITS = {
    "ROUTER_RATE_LIMIT_PER_ACCOUNT": "",
    "ROUTER_RATE_LIMIT_PER_SESSION": "",
    "ROUTER_RATE_LIMIT_PER_IP": "",
}
# As many windows as the default limits (three per subject), none of them ever reached.
UNREACHED_LIMITS = {
    name: "1000000000/second, 1000000000/minute, 1000000000/day" for name in NO_LIMITS
}


class BenchSettings(ServiceSettings):
    service_name = "bench"


async def ping() -> dict[str, str]:
    return {"status": "ok"}


def bare_app() -> FastAPI:
    app = FastAPI()
    app.get(ROUTE)(ping)
    app.get("/health")(ping)
    return app


def factory_app() -> FastAPI:
    router = APIRouter()
    router.get(ROUTE)(ping)
    return create_app(BenchSettings(), title="Bench", routers=[router])


def serve(kind: str, port: int) -> None:
    app = bare_app() if kind == "bare" else factory_app()
    uvloop.run(server_for(app, port=port).serve())


def app_process(kind: str, port: int):
    command = [sys.executable, "-m", "scripts.bench.overhead", "--serve", kind, "--port", str(port)]
    return serving(command, port, {"LOG_LEVEL": "INFO"})


def seed_session(redis_url: str) -> str:
    """A live session cached in Redis, as internal_api leaves it at sign-in; its id."""
    session_id = sessions.new_session_id()
    state = sessions.SessionState(
        session_id=str(PydanticObjectId()),
        user_id=str(PydanticObjectId()),
        account_id=str(PydanticObjectId()),
        agency_id=str(PydanticObjectId()),
        role=Role.ADMIN,
        scopes=ROLE_SCOPES[Role.ADMIN],
        owner_verified=True,
        expires_at=datetime.now(UTC) + timedelta(days=1),
    )

    async def cache() -> None:
        client = Redis.from_url(redis_url, decode_responses=True)
        idle = BenchSettings().session_idle
        token_hash = sessions.hash_session_id(session_id)
        await sessions.cache_state(client, token_hash, state, idle, sessions.sealed_with(STATE_KEY))
        await client.aclose()

    asyncio.run(cache())
    return session_id


@dataclass(frozen=True)
class Row:
    load: Load
    cpu_us: dict[str, CpuTime]  # CPU time per request of each process on the way, by name
    fronts: "Row | None" = None  # the way this row's first hop stands in front of
    target: float | None = None
    # The processes of this row behind its first hop: their CPU time per request, measured at
    # the same rate as the hop's, is what the hop is compared with (CPU per request grows as a
    # process serves fewer requests at once, so rows at different rates do not compare).
    behind: tuple[str, ...] = ()

    def throughput_ratio(self) -> float | None:
        if not self.fronts:
            return None
        return self.load.requests_per_second / self.fronts.load.requests_per_second

    def cpu_ratio(self) -> float | None:
        """The throughput kept with a core per process: the busiest process bounds each way."""
        if self.behind:
            return max(self.cpu_us[name].total for name in self.behind) / busiest(self)
        if not self.fronts:
            return None
        return busiest(self.fronts) / busiest(self)

    def cpu(self) -> str:
        return ", ".join(
            f"{name} {us.total:.0f} ({us.kernel:.0f} kernel)" for name, us in self.cpu_us.items()
        )


def busiest(row: Row) -> float:
    return max(us.total for us in row.cpu_us.values())


def measure(
    name: str, url: str, way: dict[str, str], headers: dict[str, str], **load: int
) -> tuple[Load, dict[str, CpuTime]]:
    """wrk on `url` after a warm-up, and the CPU time per request (µs) of each process on the
    `way` (name -> base URL): what each hop costs, however busy the machine is."""
    run_wrk(name, url, headers, seconds=WARM_UP_SECONDS, connections=load["connections"])
    before = {hop: cpu_time(base) for hop, base in way.items()}
    measured = run_wrk(name, url, headers, **load)
    used = {hop: cpu_time(base) - before[hop] for hop, base in way.items()}
    per_request = 1e6 / measured.requests
    return measured, {
        hop: CpuTime(time.user * per_request, time.kernel * per_request)
        for hop, time in used.items()
    }


def percent(ratio: float | None) -> str:
    return f"{ratio:.0%}" if ratio is not None else ""


def print_rows(rows: list[Row]) -> None:
    print(
        f"{'way':<40} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'vs fronted':>10} {'CPU vs fronted':>14} {'target':>7}  CPU µs per request, by process"
    )
    for row in rows:
        load = row.load
        print(
            f"{load.name:<40} {load.requests_per_second:>7.0f} {load.p50_ms:>7.2f} "
            f"{load.p99_ms:>7.2f} {load.errors:>6} {percent(row.throughput_ratio()):>10} "
            f"{percent(row.cpu_ratio()):>14} {percent(row.target):>7}  {row.cpu()}"
        )
    print(
        "vs fronted: requests/s against the row the first hop fronts (bare FastAPI for the "
        "factory, the factory for the router, the router with a session for the gateway); "
        "CPU vs fronted: the same with a core per process, from CPU time per request (for a "
        "hop, the processes behind it against the busiest of the row, all at the row's rate)."
    )


def router_process(redis_url: str, service_url: str, limits: dict[str, str]):
    return service(
        "router",
        free_port(),
        REDIS_URL=redis_url,
        ROUTER_INTERNAL_API_URL=service_url,
        LOG_LEVEL="INFO",
        SESSION_STATE_KEY=STATE_KEY,
        ROUTER_PUBLIC_ROUTES=json.dumps([f"GET {ROUTE}"]),
        **limits,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--serve", choices=["bare", "factory"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return
    require_wrk()
    load = {"seconds": args.seconds, "connections": args.connections}

    with (
        own_redis() as redis_url,
        app_process("bare", free_port()) as bare_url,
        app_process("factory", free_port()) as service_url,
        router_process(redis_url, service_url, NO_LIMITS) as router_url,
        router_process(redis_url, service_url, UNREACHED_LIMITS) as limited_url,
        service("gateway", free_port(), GATEWAY_ROUTER_URL=router_url, LOG_LEVEL="INFO") as gateway,
    ):
        session = {"x-session-id": seed_session(redis_url)}
        bare = Row(*measure("bare FastAPI", bare_url + ROUTE, {"bare": bare_url}, {}, **load))
        factory = Row(
            *measure(
                "shared app factory", service_url + ROUTE, {"service": service_url}, {}, **load
            ),
            fronts=bare,
            target=0.70,
        )
        hop = {"router": router_url, "service": service_url}
        public = Row(
            *measure("router -> service, public", router_url + ROUTE, hop, {}, **load),
            fronts=factory,
            target=0.60,
            behind=("service",),
        )
        routed = Row(
            *measure("router -> service, session", router_url + ROUTE, hop, session, **load),
            fronts=factory,
            target=0.60,
            behind=("service",),
        )
        limited = Row(
            *measure(
                "router -> service, session, rate limits",
                limited_url + ROUTE,
                {"router": limited_url, "service": service_url},
                session,
                **load,
            ),
            fronts=factory,
            target=0.60,
            behind=("service",),
        )
        chained = Row(
            *measure(
                "gateway -> router -> service, session",
                gateway + ROUTE,
                {"gateway": gateway, **hop},
                session,
                **load,
            ),
            fronts=routed,
            target=0.60,
            behind=("router", "service"),
        )

    print(f"{args.connections} connections, {args.seconds} s each, one wrk thread")
    print_rows([bare, factory, public, routed, limited, chained])


if __name__ == "__main__":
    main()
