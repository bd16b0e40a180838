"""Where a path goes, and which paths need no session: the one routing table of the platform."""

import re
from dataclasses import dataclass

from router.settings import RouterSettings

# (path prefix, upstream service), most specific first; the last entry catches the rest. Each
# service's base URL is its `<service>_url` setting.
ROUTING_TABLE = (
    ("/v1/e/", "external_api"),
    ("/v1/ai/", "ai_service"),
    ("/v1/notifications/", "notifications"),
    ("/v1/currency/", "currency"),
    ("/v1/maps/", "google_maps"),
    ("/v1/yext/logos/", "yext_publishers_logo"),
    ("/v1/yext/", "yext_publishers"),
    ("/v1/callrail/", "callrail_recordings"),
    ("/v1/", "internal_api"),
)


@dataclass(frozen=True)
class Upstream:
    service: str
    url: str  # its base URL; NOT_RUNNING when it is not started here (./scripts/up --only)


class Routes:
    def __init__(self, settings: RouterSettings) -> None:
        self.table = [
            (prefix, Upstream(service, getattr(settings, f"{service}_url").rstrip("/")))
            for prefix, service in ROUTING_TABLE
        ]
        self.public = [public_route(route) for route in settings.public_routes]

    def upstream_for(self, path: str) -> Upstream | None:
        """The service serving the path; None outside /v1/."""
        for prefix, upstream in self.table:
            if path.startswith(prefix):
                return upstream
        return None

    def is_public(self, method: str, path: str) -> bool:
        return any(
            (route_method is None or route_method == method) and pattern.fullmatch(path)
            for route_method, pattern in self.public
        )


def public_route(route: str) -> tuple[str | None, re.Pattern[str]]:
    """ "POST /v1/auth/login" or "/v1/e/*/auth/callback" → (method or None for any, pattern).

    A `*` stands for one path segment, a final `*` for the rest of the path."""
    method, _, path = route.strip().rpartition(" ")
    rest = path.endswith("*")
    segments = [re.escape(part) for part in path.removesuffix("*" if rest else "").split("*")]
    pattern = "[^/]+".join(segments) + (".+" if rest else "")
    return (method.upper() or None), re.compile(pattern)
