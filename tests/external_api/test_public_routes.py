"""The router lets providers reach the webhooks without a session, and nothing else of /v1/e/:
an OAuth connect is completed by the dashboard with the session that started it."""

import pytest

from router.routing import Routes
from router.settings import RouterSettings


@pytest.fixture
def routes() -> Routes:
    return Routes(RouterSettings())


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/e/facebook/webhooks/leadgen"),
        ("GET", "/v1/e/facebook/webhooks/leadgen"),
    ],
)
def test_provider_entry_points_are_public(routes, method, path):
    assert routes.is_public(method, path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/e/integrations"),
        ("GET", "/v1/e/google-analytics/auth/start"),
        ("POST", "/v1/e/google-analytics/auth/complete"),
        ("GET", "/v1/e/google-analytics/auth/callback"),
        ("DELETE", "/v1/e/google-analytics/auth"),
        ("POST", "/v1/e/google-analytics/reports"),
        ("POST", "/v1/e/facebook/pages/sync"),
    ],
)
def test_everything_else_needs_a_session(routes, method, path):
    assert not routes.is_public(method, path)


def test_external_api_paths_go_to_the_external_api(routes):
    settings = RouterSettings()

    assert routes.upstream_for("/v1/e/facebook/webhooks/leadgen").url == settings.external_api_url
