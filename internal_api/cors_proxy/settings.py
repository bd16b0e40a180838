"""The CORS proxy's settings, read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field, PositiveInt

from shared.utilities.settings import ServiceSettings


class CorsProxySettings(ServiceSettings):
    cors_proxy_allowed_hosts: list[str] = Field(
        ["fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net", "images.unsplash.com"],
        description="JSON list of hosts the dashboard may fetch through the platform: exact "
        "names or `*.example.com` (its sub-domains)",
    )
    cors_proxy_content_types: list[str] = Field(
        [
            "font/woff2",
            "font/woff",
            "font/ttf",
            "font/otf",
            "application/font-woff",
            "application/font-woff2",
            "application/x-font-ttf",
            "text/css",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
        ],
        description="JSON list of the media types answered; any other answers 502",
    )
    cors_proxy_max_bytes: PositiveInt = Field(
        5 * 1024 * 1024, description="a larger resource answers 502, read no further"
    )
    cors_proxy_timeout_seconds: float = Field(
        10, gt=0, description="the whole fetch (redirects included) may take this long: 504"
    )
    cors_proxy_max_redirects: int = Field(
        3, ge=0, le=10, description="redirects followed, each to an allowed host"
    )
    cors_proxy_cache_min_seconds: int = Field(
        60, ge=0, description="a resource is cached at least this long (unless no-store or private)"
    )
    cors_proxy_cache_max_seconds: int = Field(
        86400, gt=0, description="a resource is cached at most this long, whatever its host says"
    )
