"""Throughput with one and with two replicas of internal_api behind the router, in one run.

    .venv/bin/python -m scripts.bench.scale [--seconds 10] [--connections 64]

Starts, each as its own process, on a redis-server of the benchmark's own: two internal_api
replicas (`python -m internal_api`), a router in front of the first alone and a router in
front of both (`ROUTER_INTERNAL_API_URL=<first>,<second>`). Then loads each router with wrk
(one thread, keep-alive connections), after a short warm-up, on a signed-in list query
(`GET /v1/crm/contacts`, a session the routers find in Redis: session lookup, token minting,
token check, a tenant query and its page). It prints requests per second, latencies, and the
CPU time each process used per request, read from /proc, which tells how the load was shared
between the replicas and which process bounds the way.

On a machine with fewer cores than processes (the router, two replicas and wrk on two cores)
a second replica cannot go faster: the cores are already busy, and the second replica only
takes its share of them. Where each process has a core of its own, the CPU time per request
says what two replicas would give: the router's own cost bounds it.
"""

import argparse

from scripts.bench.harness import Load, own_redis, require_wrk, run_wrk, service
from scripts.bench.overhead import NO_LIMITS, STATE_KEY, Row, measure, seed_session
from tests.fixtures import free_port

ROUTE = "/v1/crm/contacts"


def router_process(redis_url: str, replicas: list[str]):
    return service(
        "router",
        free_port(),
        REDIS_URL=redis_url,
        ROUTER_INTERNAL_API_URL=",".join(replicas),
        SESSION_STATE_KEY=STATE_KEY,
        **NO_LIMITS,
    )


def replica_process(redis_url: str):
    return service("internal_api", free_port(), REDIS_URL=redis_url, SESSION_STATE_KEY=STATE_KEY)


def bound_rate(row: Row) -> float:
    """Requests per second with a core per process: the busiest one's CPU time bounds it."""
    return 1e6 / max(us.total for us in row.cpu_us.values())


def print_rows(rows: list[Row]) -> None:
    print(
        f"{'way':<34} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'core each':>9}  CPU µs per request, by process"
    )
    for row in rows:
        load: Load = row.load
        print(
            f"{load.name:<34} {load.requests_per_second:>7.0f} {load.p50_ms:>7.2f} "
            f"{load.p99_ms:>7.2f} {load.errors:>6} {bound_rate(row):>9.0f}  {row.cpu()}"
        )
    print(
        "core each: the requests/s the way would serve with a core per process (the busiest "
        "process's CPU time per request bounds it)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    require_wrk()
    load = {"seconds": args.seconds, "connections": args.connections}

    with (
        own_redis() as redis_url,
        replica_process(redis_url) as first,
        replica_process(redis_url) as second,
        router_process(redis_url, [first]) as one,
        router_process(redis_url, [first, second]) as both,
    ):
        session = {"x-session-id": seed_session(redis_url)}
        check = run_wrk("check", both + ROUTE, session, seconds=1, connections=1)
        if check.errors:
            raise SystemExit(f"{ROUTE} answered {check.errors} errors through the router")
        alone = Row(
            *measure(
                "router -> 1 internal_api replica",
                one + ROUTE,
                {"router": one, "replica 1": first},
                session,
                **load,
            )
        )
        shared = Row(
            *measure(
                "router -> 2 internal_api replicas",
                both + ROUTE,
                {"router": both, "replica 1": first, "replica 2": second},
                session,
                **load,
            )
        )

    print(f"{args.connections} connections, {args.seconds} s each, one wrk thread")
    print_rows([alone, shared])
    measured = shared.load.requests_per_second / alone.load.requests_per_second
    bound = bound_rate(shared) / bound_rate(alone)
    print(f"two replicas / one: {measured:.2f}x measured, {bound:.2f}x with a core per process")


if __name__ == "__main__":
    main()
