"""Where a path goes, and which paths need no session: the one routing table of the platform."""

import re

from router.settings import RouterSettings


def routing_table(settings: RouterSettings) -> list[tuple[str, str]]:
    """(path prefix, upstream base URL), most specific first; the last entry catches the rest."""
    return [
        ("/v1/e/", settings.external_api_url),
        ("/v1/ai/", settings.ai_service_url),
        ("/v1/notifications/", settings.notifications_url),
        ("/v1/currency/", settings.currency_url),
        ("/v1/maps/", settings.google_maps_url),
        ("/v1/yext/logos/", settings.yext_publishers_logo_url),
        ("/v1/yext/", settings.yext_publishers_url),
        ("/v1/callrail/", settings.callrail_recordings_url),
        ("/v1/", settings.internal_api_url),
    ]


class Routes:
    def __init__(self, settings: RouterSettings) -> None:
        self.table = [(prefix, url.rstrip("/")) for prefix, url in routing_table(settings)]
        self.public = [public_route(route) for route in settings.public_routes]

    def upstream_for(self, path: str) -> str | None:
        """The base URL serving the path; None outside /v1/."""
        for prefix, url in self.table:
            if path.startswith(prefix):
                return url
        return None

    def is_public(self, method: str, path: str) -> bool:
        return any(
            (route_method is None or route_method == method) and pattern.fullmatch(path)
            for route_method, pattern in self.public
        )


def public_route(route: str) -> tuple[str | None, re.Pattern[str]]:
    """ "POST /v1/auth/login" or "/v1/s/*" → (method or None for any, path pattern).

    A `*` stands for one path segment, a final `*` for the rest of the path."""
    method, _, path = route.strip().rpartition(" ")
    rest = path.endswith("*")
    segments = [re.escape(part) for part in path.removesuffix("*" if rest else "").split("*")]
    pattern = "[^/]+".join(segments) + (".+" if rest else "")
    return (method.upper() or None), re.compile(pattern)
