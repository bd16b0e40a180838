"""A resource for the dashboard: refused unless the account has the proxy (`asset_proxy`, on
by default) and the URL is allowed; from the cache in Redis, shared by every replica and
account, while its host's cache headers allow (bounded); fetched otherwise."""

import hashlib

from internal_api.cors_proxy.errors import ProxyDisabled
from internal_api.cors_proxy.fetching import Fetcher
from internal_api.cors_proxy.resources import Resource
from internal_api.cors_proxy.urls import checked_url
from shared.domain.feature_flags.flags import ASSET_PROXY, is_enabled
from shared.utilities.auth import Principal


async def proxied(principal: Principal, raw_url: str, proxy: Fetcher) -> tuple[Resource, bool]:
    """The resource, and whether it came from the cache."""
    if not await is_enabled(principal.account_id, ASSET_PROXY):
        raise ProxyDisabled()
    url = checked_url(raw_url, proxy.settings.cors_proxy_allowed_hosts)
    key = hashlib.sha256(str(url).encode()).hexdigest()
    if cached := await proxy.cache.get(key):
        return cached, True
    resource = await proxy.fetch(url)
    if resource.cache_seconds:
        await proxy.cache.put(key, resource, resource.cache_seconds)
    return resource, False
