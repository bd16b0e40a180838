"""Only the public routes pass without a session, and every one of them is rate-limited per
client address (the router counts every request against its address, public or not)."""

import pytest

from router.routing import Routes
from router.settings import RouterSettings
from tests.router.test_routing import served_operations


def concrete(route: str) -> tuple[str, str]:
    """A request a public route takes: its method (GET when it takes any) and a path with
    each `*` filled in."""
    method, _, path = route.strip().rpartition(" ")
    return method or "GET", path.replace("*", "x")


def private_operations() -> list[tuple[str, str]]:
    routes = Routes(RouterSettings())
    return sorted(
        {
            (method, path)
            for operations in served_operations().values()
            for method, path in operations
            if path.startswith("/v1/") and not routes.is_public(method, path)
        }
    )


def test_private_operations_are_found():
    assert ("GET", "/v1/crm/contacts") in private_operations()


async def test_every_other_operation_answers_401_without_a_session(router, upstream):
    """Every operation the services behind the router serve, but for the public routes."""
    passed = []
    for method, path in private_operations():
        response = await router.request(method, path)
        if response.status_code != 401:
            passed.append(f"{method} {path}: {response.status_code}")

    assert passed == []
    assert upstream.received == []


@pytest.mark.parametrize("route", RouterSettings().public_routes)
async def test_every_public_route_is_limited_per_client_address(start_router, upstream, route):
    method, path = concrete(route)
    async with start_router(rate_limit_per_ip="1/day") as router:
        first = await router.request(method, path)
        second = await router.request(method, path)

    assert first.status_code == 200
    assert second.status_code == 429
    assert int(second.headers["retry-after"]) > 0
