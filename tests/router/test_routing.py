"""Each path prefix reaches its upstream; public routes are recognised."""

import functools
import re

import pytest
from fastapi import FastAPI

from router.routing import LEAVING_ROUTES, Routes, public_route
from router.settings import RouterSettings
from scripts.services import SERVICES
from shared.utilities.direct_routes import DirectDispatch


@pytest.mark.parametrize(
    ("path", "expected_upstream"),
    [
        ("/v1/e/google/accounts", "external_api"),
        ("/v1/ai/completions", "ai_service"),
        ("/v1/notifications/email", "notifications"),
        ("/v1/notifications-center", "internal_api"),
        ("/v1/mobile-app/devices", "internal_api"),
        ("/v1/currency/rates", "currency"),
        ("/v1/maps/places", "google_maps"),
        ("/v1/yext/publishers", "yext_publishers"),
        ("/v1/yext/logos/google", "yext_publishers_logo"),
        ("/v1/callrail/recordings/9", "callrail_recordings"),
        ("/v1/contacts", "internal_api"),
        ("/v1/aiport", "internal_api"),
    ],
)
async def test_each_prefix_reaches_its_upstream_with_the_full_path(
    router, session, path, expected_upstream
):
    response = await router.get(path, headers={"x-session-id": session.id})

    assert response.status_code == 200
    assert (response.json()["upstream"], response.json()["path"]) == (expected_upstream, path)


async def test_a_path_outside_v1_answers_404_without_an_upstream_call(router, upstream, session):
    response = await router.get("/admin", headers={"x-session-id": session.id})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert upstream.received == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/auth/signup"),
        ("POST", "/v1/auth/login"),
        ("POST", "/v1/auth/login/two-factor"),
        ("POST", "/v1/auth/login/two-factor/enrolment"),
        ("POST", "/v1/auth/login/two-factor/enrolment/confirm"),
        ("POST", "/v1/auth/invitations/accept"),
        ("POST", "/v1/e/stripe/webhooks/events"),
        ("GET", "/v1/e/wasabi/public/download_by_key"),
        ("POST", "/v1/notifications/webhooks/sendgrid"),
        ("POST", "/v1/notifications/unsubscribe/token"),
        ("GET", "/v1/notifications/unsubscribe/token"),
        ("GET", "/v1/forms/public/f1"),
        ("GET", "/v1/forms/public/f1/embed.js"),
        ("POST", "/v1/forms/public/f1/submissions"),
        ("GET", "/v1/forms/public/f1/stamp"),
        ("OPTIONS", "/v1/forms/public/f1/submissions"),
        ("GET", "/v1/s/abc123"),
        ("GET", "/v1/scheduling/public/event-types/e1/slots"),
        ("POST", "/v1/scheduling/public/event-types/e1/bookings"),
        ("POST", "/v1/scheduling/public/bookings/token/cancel"),
    ],
)
def test_the_default_public_routes_are_public(method, path):
    assert Routes(RouterSettings()).is_public(method, path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/auth/login"),
        ("GET", "/v1/auth/login/extra"),
        ("POST", "/v1/auth/two-factor"),
        ("POST", "/v1/auth/two-factor/recovery-codes"),
        ("GET", "/v1/e/google/accounts"),
        ("GET", "/v1/e/google/auth/callback"),
        ("POST", "/v1/e/google/auth/complete"),
        ("POST", "/v1/e/wasabi/public/download_by_key"),
        ("GET", "/v1/e/wasabi/uploads"),
        ("POST", "/v1/s/abc123"),
        ("GET", "/v1/forms/f1/submissions"),
        ("GET", "/v1/contacts"),
        ("GET", "/v1/notifications/webhooks/sendgrid"),
        ("POST", "/v1/notifications/email"),
    ],
)
def test_other_routes_are_private(method, path):
    assert not Routes(RouterSettings()).is_public(method, path)


# A path prefix a service answers ahead of its routes (a DirectRoute) takes every method.
DIRECT_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@functools.cache
def served_operations() -> dict[str, list[tuple[str, str]]]:
    """(method, path with each parameter as "x") of every operation, by the base URL the router
    sends its prefix to (the defaults: each service on its own port)."""
    urls = {f"http://127.0.0.1:{service.port}": service for service in SERVICES}
    served = {}
    for url in {upstream.url for _, upstream in Routes(RouterSettings()).table}:
        service = urls[url]
        app = service.create_app(service.settings_class()())
        served[url] = [
            (method.upper(), re.sub(r"\{[^}]+\}", "x", path))
            for path, operations in app.openapi()["paths"].items()
            for method in operations
        ] + direct_operations(app)
    return served


def direct_operations(app: FastAPI) -> list[tuple[str, str]]:
    """Each DirectRoute's prefix, as (each method, a path under it)."""
    dispatch = app.build_middleware_stack()
    assert isinstance(dispatch, DirectDispatch)
    return [
        (method, f"{route.prefix}x") for route, _ in dispatch.direct for method in DIRECT_METHODS
    ]


@pytest.mark.parametrize("route", [*RouterSettings().public_routes, *LEAVING_ROUTES])
def test_each_public_or_leaving_route_is_served_by_the_service_it_reaches(route):
    """A public prefix nothing serves would let anyone reach whatever is added there later
    without a session (and a leaving route, a closed account's session)."""
    method, pattern = public_route(route)
    reached = [
        (url, path)
        for url, operations in served_operations().items()
        for operation_method, path in operations
        if method in (None, operation_method) and pattern.fullmatch(path)
    ]

    assert reached, f"no route serves {route}"
    assert all(Routes(RouterSettings()).upstream_for(path).url == url for url, path in reached)


async def test_a_service_not_running_here_answers_503_naming_it(start_router, session):
    async with start_router(currency_url="") as router:
        response = await router.get("/v1/currency/rates", headers={"x-session-id": session.id})

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_not_running"
    assert "currency" in response.json()["error"]["message"]
