"""The router lets providers reach the webhooks and the OAuth callback without a session, and
nothing else of /v1/e/."""

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
        ("GET", "/v1/e/google-analytics/auth/callback"),
    ],
)
def test_provider_entry_points_are_public(routes, method, path):
    assert routes.is_public(method, path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/e/integrations"),
        ("GET", "/v1/e/google-analytics/auth/start"),
        ("DELETE", "/v1/e/google-analytics/auth"),
        ("POST", "/v1/e/google-analytics/reports"),
        ("POST", "/v1/e/facebook/pages/sync"),
    ],
)
def test_everything_else_needs_a_session(routes, method, path):
    assert not routes.is_public(method, path)


def test_external_api_paths_go_to_the_external_api(routes):
    settings = RouterSettings()

    assert routes.upstream_for("/v1/e/facebook/webhooks/leadgen") == settings.external_api_url
