"""Where a path goes, and which paths need no session: the one routing table of the platform."""

import re
from dataclasses import dataclass, field

from router.settings import RouterSettings
from shared.utilities.replicas import Replicas

# (path prefix, upstream service), most specific first; the last entry catches the rest. Each
# service's base URL is its `<service>_url` setting (several, comma-separated: its replicas).
ROUTING_TABLE = (
    ("/v1/e/", "external_api"),
    ("/v1/ai/", "ai_service"),
    ("/v1/notifications/", "notifications"),
    ("/v1/currency/", "currency"),
    ("/v1/maps/", "google_maps"),
    ("/v1/yext/logos/", "yext_publishers_logo"),
    ("/v1/yext/", "yext_publishers"),
    ("/v1/callrail/", "callrail_recordings"),
    ("/v1/calltrackingmetrics/", "callrail_recordings"),
    # RFC 8414: at the issuer's root, not under /v1/ (the authorization server's metadata).
    ("/.well-known/oauth-authorization-server", "internal_api"),
    ("/v1/", "internal_api"),
)

# What a session acting in a suspended or deleted account may still do: leave it (switch to
# another account, sign out) and read who it is. Anything else answers 403 (`account_suspended`
# or `account_deleted`) from the router itself. Written as public routes are.
LEAVING_ROUTES = (
    "POST /v1/auth/switch-account",
    "POST /v1/auth/logout",
    "GET /v1/users/me",
)


@dataclass(frozen=True)
class Upstream:
    service: str
    # Its URL setting: a base URL, several (its replicas), or NOT_RUNNING when it is not
    # started here (./scripts/up --only).
    url: str
    replicas: Replicas = field(compare=False, repr=False)


def upstreams(settings: RouterSettings, services: set[str]) -> dict[str, Upstream]:
    """One Upstream per service, its replicas' health shared by all the prefixes it serves."""
    found = {}
    for service in services:
        url = getattr(settings, f"{service}_url").rstrip("/")
        replicas = Replicas.from_setting(service, url, settings.replica_down_seconds)
        found[service] = Upstream(service, url, replicas)
    return found


class Routes:
    def __init__(self, settings: RouterSettings) -> None:
        by_service = upstreams(settings, {service for _, service in ROUTING_TABLE})
        self.table = [(prefix, by_service[service]) for prefix, service in ROUTING_TABLE]
        self.public = [public_route(route) for route in settings.public_routes]
        self.leaving = [public_route(route) for route in LEAVING_ROUTES]

    def upstream_for(self, path: str) -> Upstream | None:
        """The service serving the path; None outside /v1/."""
        for prefix, upstream in self.table:
            if path.startswith(prefix):
                return upstream
        return None

    def is_public(self, method: str, path: str) -> bool:
        return matches(self.public, method, path)

    def leaves_account(self, method: str, path: str) -> bool:
        """A route a session acting in a closed account may take (LEAVING_ROUTES)."""
        return matches(self.leaving, method, path)


def matches(routes: list[tuple[str | None, re.Pattern[str]]], method: str, path: str) -> bool:
    return any(
        (route_method is None or route_method == method) and pattern.fullmatch(path)
        for route_method, pattern in routes
    )


def public_route(route: str) -> tuple[str | None, re.Pattern[str]]:
    """ "POST /v1/auth/login" or "/v1/e/*/auth/callback" → (method or None for any, pattern).

    A `*` stands for one path segment, a final `*` for the rest of the path."""
    method, _, path = route.strip().rpartition(" ")
    rest = path.endswith("*")
    segments = [re.escape(part) for part in path.removesuffix("*" if rest else "").split("*")]
    pattern = "[^/]+".join(segments) + (".+" if rest else "")
    return (method.upper() or None), re.compile(pattern)
