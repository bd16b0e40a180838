"""How long the proxy keeps a resource: its host's cache headers, within the proxy's bounds."""

import httpx
import pytest

from internal_api.cors_proxy.resources import cache_seconds

LEAST, MOST = 60, 86400


@pytest.mark.parametrize(
    ("headers", "kept"),
    [
        ({"cache-control": "public, max-age=3600"}, 3600),
        ({"cache-control": "max-age=31536000, immutable"}, MOST),
        ({"cache-control": "max-age=5"}, LEAST),
        ({"cache-control": "max-age=600, s-maxage=7200"}, 7200),
        ({"cache-control": "max-age=0"}, 0),
        ({"cache-control": "no-store"}, 0),
        ({"cache-control": "private, max-age=3600"}, 0),
        ({"cache-control": "no-cache"}, 0),
        (
            {"expires": "Thu, 01 Jan 2026 01:00:00 GMT", "date": "Thu, 01 Jan 2026 00:00:00 GMT"},
            3600,
        ),
        ({"expires": "not a date", "date": "Thu, 01 Jan 2026 00:00:00 GMT"}, LEAST),
        ({}, LEAST),
    ],
)
def test_a_resource_is_kept_as_its_host_allows_within_bounds(headers, kept):
    assert cache_seconds(httpx.Headers(headers), LEAST, MOST) == kept
