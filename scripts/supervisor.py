"""Embedded mode: every service in this one process, each on its own port, on one event loop.

`./scripts/up` runs this. MongoDB is in memory and shared by every service (the connection is
process-wide); Redis is the server at REDIS_URL when one answers, an in-process substitute
otherwise. Every port is bound before anything starts, so a port in use stops it at once.
"""

import argparse
import asyncio
import gc
import os
import socket
import sys
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import redis
import uvloop
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from scripts.services import SERVICES, Service
from shared.domain.accounts.operators import set_operator
from shared.utilities.proxy import NOT_RUNNING
from shared.utilities.redis import in_process_redis
from shared.utilities.server import PortInUse, bind, serve_until_signalled
from shared.utilities.settings import RunMode, ServiceSettings, env_name, load_settings

HEALTH_TIMEOUT_SECONDS = 30
DEMO_LOGIN = {"email": "demo@agency.example", "password": "demo-password"}


@dataclass(frozen=True)
class BoundService:
    """A service with its settings and its port already bound."""

    service: Service
    settings: ServiceSettings
    sock: socket.socket

    @property
    def url(self) -> str:
        # A wildcard bind is reached on loopback.
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.settings.host, self.settings.host)
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.settings.port}"


@dataclass(frozen=True)
class Health:
    bound: BoundService
    status: str
    seconds: float


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="./scripts/up",
        description="Start the platform's services in one process (embedded mode).",
    )
    parser.add_argument(
        "--only",
        type=services_named,
        default=SERVICES,
        metavar="SERVICE,...",
        help="start only these services, e.g. gateway,router,currency",
    )
    return parser.parse_args(argv)


def services_named(names: str) -> tuple[Service, ...]:
    wanted = {name.strip() for name in names.split(",") if name.strip()}
    known = {name for service in SERVICES for name in (service.module, service.compose_name)}
    unknown = wanted - known
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown service {', '.join(sorted(unknown))}; known: "
            + ", ".join(service.compose_name for service in SERVICES)
        )
    return tuple(s for s in SERVICES if {s.module, s.compose_name} & wanted)


class AskedMode(BaseSettings):
    """PLATFORM_MODE alone, read before the settings that depend on it."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")
    mode: RunMode = Field(RunMode.EMBEDDED, validation_alias="PLATFORM_MODE")


def choose_backends() -> bool:
    """Decide once, for every service, which MongoDB and Redis they use, and say so. True when
    the database is the in-memory one (this run's alone)."""
    mode = load_settings(AskedMode).mode
    if mode is not RunMode.EMBEDDED:
        sys.stderr.write(
            f"PLATFORM_MODE={mode.value}: ./scripts/up runs the embedded mode only (every "
            "service in this one process); the distributed mode is `docker compose up`\n"
        )
        raise SystemExit(2)
    asked = load_settings(ServiceSettings)
    if asked.mongo_url:
        print(f"MongoDB: {redacted(asked.mongo_url)}")
        url = asked.redis_url
        if url and not redis_answers(url):
            print(f"Redis: none answers at {redacted(url)}; using the in-process substitute")
            url = ""
        else:
            print(f"Redis: {redacted(url)}" if url else "Redis: in process (REDIS_URL is empty)")
    else:
        print("MongoDB: in memory, shared by every service; data lasts as long as the process")
        # Sessions, rate-limit counts and login locks in a Redis that outlives this run would
        # apply to a database that no longer has their users and accounts.
        if asked.redis_url:
            print(
                f"Redis: in process; REDIS_URL ({redacted(asked.redis_url)}) is ignored with the "
                "in-memory database, so nothing of an earlier run applies to this one"
            )
        else:
            print("Redis: in process (REDIS_URL is empty)")
        url = ""
    # The environment outranks .env, so every service's settings read this decision.
    os.environ["REDIS_URL"] = url
    return not asked.mongo_url


def redis_answers(url: str) -> bool:
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


def redacted(url: str) -> str:
    password = urlsplit(url).password
    return url.replace(f":{password}@", ":***@") if password else url


def bind_all(services: Sequence[Service]) -> list[BoundService]:
    """Bind every port before starting anything; on a clash, release them and say which."""
    bound: list[BoundService] = []
    for service in services:
        settings_class = service.settings_class()
        settings = load_settings(settings_class)
        try:
            sock = bind(settings.service_name, settings.host, settings.port)
        except PortInUse as error:
            for done in bound:
                done.sock.close()
            sys.stderr.write(
                f"{error} (set {env_name(settings_class, 'port')} to use another port)\n"
            )
            raise SystemExit(1) from None
        bound.append(BoundService(service, settings, sock))
    return wired_to_each_other(bound)


def wired_to_each_other(bound: list[BoundService]) -> list[BoundService]:
    """Point every `<service>_url` setting (the router's upstreams, the gateway's router) and
    the gateway's status panel at where each service actually listens in this process; a
    service not started here (`--only`) gets NOT_RUNNING, which the router answers with 503
    and the status panel lists as not started."""
    started = {b.service.compose_name: b.url for b in bound}
    urls = {s.compose_name: started.get(s.compose_name, NOT_RUNNING) for s in SERVICES}
    wired = []
    for b in bound:
        fields = type(b.settings).model_fields
        update = {f"{name}_url": url for name, url in urls.items() if f"{name}_url" in fields}
        if "status_targets" in fields:
            update["status_targets"] = urls
        wired.append(BoundService(b.service, b.settings.model_copy(update=update), b.sock))
    return wired


async def supervise(bound: Sequence[BoundService], started: float, demo: bool) -> None:
    """Serve every service until SIGINT or SIGTERM; report once they all answer (with a demo
    login when `demo`)."""
    servers = [b.service.server(b.settings, b.sock) for b in bound]
    reporting = asyncio.create_task(report_when_healthy(bound, started, demo))
    try:
        async with AsyncExitStack() as background:
            for b in bound:
                await background.enter_async_context(b.service.background(b.settings))
            await serve_until_signalled(servers)
    finally:
        reporting.cancel()
    print("every service stopped", flush=True)


async def report_when_healthy(bound: Sequence[BoundService], started: float, demo: bool) -> None:
    deadline = started + HEALTH_TIMEOUT_SECONDS
    # Never through a proxy from the environment: these are our own loopback ports.
    async with httpx.AsyncClient(trust_env=False, timeout=1) as client:
        healths = await asyncio.gather(
            *(wait_for_health(client, b, started, deadline) for b in bound)
        )
        print_table(healths, time.monotonic() - started)
        internal_api = next((b for b in bound if b.service.module == "internal_api"), None)
        if internal_api and demo:
            print(await demo_login(client, internal_api.url, dashboard_url(bound)), flush=True)
        elif internal_api:
            print("no demo login: the database is MONGO_URL's, not this run's own", flush=True)


async def demo_login(client: httpx.AsyncClient, internal_api: str, dashboard: str) -> str:
    """A demo agency to sign in with, in the in-memory database only: its well-known password
    never reaches a database that outlives the run. Its owner is a platform operator too, to
    try the admin with (the database and Redis are this process's own)."""
    response = await client.post(
        f"{internal_api}/v1/auth/signup",
        json={**DEMO_LOGIN, "name": "Demo Owner", "account_name": "Demo Agency"},
        timeout=10,
    )
    if response.status_code != 201:
        return f"demo login could not be created: HTTP {response.status_code} {response.text}"
    await set_operator(in_process_redis(decode_responses=True), DEMO_LOGIN["email"], True)
    return (
        f"demo login: {DEMO_LOGIN['email']} / {DEMO_LOGIN['password']} (sign in at {dashboard}; "
        "a platform operator too)"
    )


def dashboard_url(bound: Sequence[BoundService]) -> str:
    gateway = next((b for b in bound if b.service.module == "gateway"), None)
    return gateway.url if gateway else "the gateway, which is not running"


async def wait_for_health(
    client: httpx.AsyncClient, bound: BoundService, started: float, deadline: float
) -> Health:
    while True:
        try:
            response = await client.get(f"{bound.url}/health")
        except httpx.TransportError:
            if time.monotonic() > deadline:
                return Health(bound, "no answer", time.monotonic() - started)
            await asyncio.sleep(0.05)
            continue
        status = "ok" if response.is_success else f"HTTP {response.status_code}"
        return Health(bound, status, time.monotonic() - started)


def print_table(healths: Sequence[Health], seconds: float) -> None:
    """What is running where; the one place to add what a user needs next (e.g. a demo login)."""
    rows = [("service", "url", "status", "ready after")]
    rows += [
        (h.bound.settings.service_name, h.bound.url, h.status, f"{h.seconds:.2f} s")
        for h in healths
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    up = sum(h.status == "ok" for h in healths)
    lines.append(f"{up} of {len(healths)} services up in {seconds:.2f} s; Ctrl-C stops them all")
    print("\n".join(lines), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.monotonic()
    args = parse_args(argv)
    in_memory = choose_backends()
    bound = bind_all(args.only)
    uvloop.run(supervise(bound, started, demo=in_memory))
    # Every service has stopped. The interpreter's last collection would walk every object the
    # in-memory database and Redis made (seconds on a busy machine) only to free them at exit.
    gc.freeze()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        # Ctrl-C before the services were up: nothing to stop, so no traceback either.
        sys.exit(130)
