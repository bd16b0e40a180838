"""What the public endpoints cost a visitor, measured in one run through gateway -> router ->
internal_api, without a session.

    .venv/bin/python -m scripts.bench.public [--seconds 10] [--connections 32] [--rate 50]

Starts internal_api, the router and the gateway as their own processes (embedded mode, on a
redis-server of the benchmark's own), signs an agency up, makes a form and a short link, then:

- the gateway's own `/health` with wrk: the baseline, one process answering by itself;
- `GET /v1/s/{code}` with wrk: the short link's redirect through the three processes (target:
  at least half of the baseline's requests/s);
- `POST /v1/forms/public/{id}/submissions` at a fixed rate (`--rate`, 50/s), each a new visitor
  with a new email (a new contact, its lead, the new-lead notice), latency per request from a
  paced client (target: p99 under 100 ms at 50/s).

Every visitor comes from 127.0.0.1, so the per-address limits (the router's and the public
layer's) are lifted for the run; the form's own are set to what the rate needs.
"""

import argparse
import asyncio
import statistics
import time
import uuid

import httpx

from scripts.bench.harness import Load, own_redis, print_loads, require_wrk, run_wrk, service
from tests.fixtures import free_port

NO_LIMITS = {
    "ROUTER_RATE_LIMIT_PER_ACCOUNT": "",
    "ROUTER_RATE_LIMIT_PER_SESSION": "",
    "ROUTER_RATE_LIMIT_PER_IP": "",
}
NO_PUBLIC_LIMITS = {
    "INTERNAL_API_PUBLIC_RATE_LIMIT_PER_IP": "",
    "INTERNAL_API_PUBLIC_RATE_LIMIT_PER_KEY": "",
}
FORM = {
    "name": "Bench form",
    "steps": [
        {
            "fields": [
                {
                    "key": "email",
                    "kind": "email",
                    "label": "Email",
                    "required": True,
                    "maps_to": "emails",
                },
                {"key": "name", "kind": "text", "label": "Name", "maps_to": "first_name"},
            ]
        }
    ],
    "min_fill_seconds": 0,  # the paced client posts as a plain page would, without a stamp
    "rate_limit_per_ip_per_minute": 1000,
    "rate_limit_per_minute": 100_000,
}


def sign_up(gateway: str) -> dict[str, str]:
    answer = httpx.post(
        f"{gateway}/v1/auth/signup",
        json={
            "email": f"bench-{uuid.uuid4().hex[:8]}@example.com",
            "password": "benchmark password",
            "name": "Bench",
            "account_name": "Bench agency",
        },
    )
    answer.raise_for_status()
    return {"x-session-id": answer.json()["session_id"]}


def made(gateway: str, path: str, body: dict, session: dict[str, str]) -> dict:
    answer = httpx.post(f"{gateway}{path}", json=body, headers=session)
    if answer.status_code != 201:
        raise SystemExit(f"POST {path}: {answer.status_code} {answer.text}")
    return answer.json()


async def paced_submissions(url: str, rate: int, seconds: int) -> Load:
    """`rate` new visitors a second for `seconds`, each request sent on time whether or not
    the earlier ones have been answered (an open loop, as visitors are)."""
    latencies: list[float] = []
    errors = 0

    async def submit(client: httpx.AsyncClient, visitor: int) -> None:
        nonlocal errors
        body = {"email": f"visitor-{visitor}-{uuid.uuid4().hex[:6]}@example.com", "name": "Ada"}
        started = time.perf_counter()
        answer = await client.post(url, data=body, headers={"idempotency-key": uuid.uuid4().hex})
        latencies.append((time.perf_counter() - started) * 1000)
        errors += answer.status_code != 201

    limits = httpx.Limits(max_connections=rate, max_keepalive_connections=rate)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client, asyncio.TaskGroup() as sent:
        start = time.perf_counter()
        for visitor in range(rate * seconds):
            await asyncio.sleep(max(0.0, start + visitor / rate - time.perf_counter()))
            sent.create_task(submit(client, visitor))
    cuts = statistics.quantiles(latencies, n=100)
    return Load(
        name=f"form submissions at {rate}/s (paced)",
        requests_per_second=len(latencies) / (time.perf_counter() - start),
        p50_ms=cuts[49],
        p99_ms=cuts[98],
        errors=errors,
        requests=len(latencies),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rate", type=int, default=50, help="form submissions per second")
    args = parser.parse_args()
    require_wrk()
    load = {"seconds": args.seconds, "connections": args.connections}

    with (
        own_redis() as redis_url,
        service("internal_api", free_port(), REDIS_URL=redis_url, **NO_PUBLIC_LIMITS) as api,
        service(
            "router", free_port(), REDIS_URL=redis_url, ROUTER_INTERNAL_API_URL=api, **NO_LIMITS
        ) as router,
        service("gateway", free_port(), GATEWAY_ROUTER_URL=router, REDIS_URL=redis_url) as gateway,
    ):
        session = sign_up(gateway)
        form = made(gateway, "/v1/forms", FORM, session)
        link = made(gateway, "/v1/url", {"destination": "https://example.com/landing"}, session)
        health = run_wrk("gateway /health (baseline)", f"{gateway}/health", **load)
        redirect = run_wrk(
            "short link redirect, gateway -> router -> internal_api",
            f"{gateway}/v1/s/{link['code']}",
            **load,
        )
        submissions = asyncio.run(
            paced_submissions(
                f"{gateway}/v1/forms/public/{form['id']}/submissions", args.rate, args.seconds
            )
        )

    print(f"{args.connections} connections, {args.seconds} s each, one wrk thread")
    print_loads([health, redirect, submissions], baseline=health)
    print(
        f"redirect keeps {redirect.requests_per_second / health.requests_per_second:.0%} of "
        f"/health (target 50%); submissions p99 {submissions.p99_ms:.1f} ms at {args.rate}/s "
        "(target under 100 ms)"
    )


if __name__ == "__main__":
    main()
