"""The authentication chain's cost: `GET /v1/users/me` four ways, measured in one run.

    .venv/bin/python -m scripts.bench.chain [--seconds 10] [--connections 32]

Starts internal_api, the router and the gateway as their own processes (embedded mode, on a
redis-server of the benchmark's own), signs a user up, then loads each way with wrk:
direct to internal_api with a JWT; through the router with a session; through
gateway -> router -> internal_api; and the router's own /health (no auth check, no upstream).
The router's exchange endpoint against that /health gives the session exchange's own cost.
"""

import argparse
import uuid

import httpx

from scripts.bench.harness import own_redis, print_loads, require_wrk, run_wrk, service
from tests.fixtures import free_port

NO_LIMITS = {
    "ROUTER_RATE_LIMIT_PER_ACCOUNT": "",
    "ROUTER_RATE_LIMIT_PER_SESSION": "",
    "ROUTER_RATE_LIMIT_PER_IP": "",
}


def sign_up(router: str) -> str:
    answer = httpx.post(
        f"{router}/v1/auth/signup",
        json={
            "email": f"bench-{uuid.uuid4().hex[:8]}@example.com",
            "password": "benchmark password",
            "name": "Bench",
            "account_name": "Bench agency",
        },
    )
    answer.raise_for_status()
    return answer.json()["session_id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    require_wrk()
    load = {"seconds": args.seconds, "connections": args.connections}

    with (
        own_redis() as redis_url,
        service("internal_api", free_port(), REDIS_URL=redis_url) as internal_api,
        service(
            "router",
            free_port(),
            REDIS_URL=redis_url,
            ROUTER_INTERNAL_API_URL=internal_api,
            **NO_LIMITS,
        ) as router,
        service("gateway", free_port(), GATEWAY_ROUTER_URL=router, REDIS_URL=redis_url) as gateway,
    ):
        session = {"x-session-id": sign_up(router)}
        exchanged = httpx.get(f"{router}/v1/auth/exchange", headers=session)
        jwt = {"authorization": exchanged.headers["authorization"]}
        me = "/v1/users/me"
        loads = [
            run_wrk("direct: internal_api with a JWT", internal_api + me, jwt, **load),
            run_wrk("router -> internal_api, session", router + me, session, **load),
            run_wrk("gateway -> router -> internal_api, session", gateway + me, session, **load),
            run_wrk("router /health (no auth check)", f"{router}/health", **load),
        ]
        # Latency without queueing: one connection, one request at a time.
        one_at_a_time = {"seconds": args.seconds, "connections": 1}
        health = run_wrk("router /health, 1 connection", f"{router}/health", **one_at_a_time)
        exchange = run_wrk(
            "router /v1/auth/exchange, 1 connection",
            f"{router}/v1/auth/exchange",
            session,
            **one_at_a_time,
        )

    print(f"{args.connections} connections, {args.seconds} s each, one wrk thread")
    print_loads([*loads, health, exchange], baseline=loads[0])
    print(
        f"session exchange adds {exchange.p50_ms - health.p50_ms:.2f} ms at p50 "
        "(exchange endpoint minus router /health, one connection)"
    )


if __name__ == "__main__":
    main()
