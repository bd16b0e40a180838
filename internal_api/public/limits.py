"""Rate limits of public routes, per client address and per key (a form), counted in Redis
so every replica shares the counts (the fixed windows of `shared.utilities.ratelimit`, which
the router counts its own limits with).

Each action (`form-submission`, `render-stamp`, ...) has its own counters, so one kind of
request never uses up another's: the per-IP limits (PUBLIC_RATE_LIMIT_PER_IP) apply to every
action, the per-key ones (PUBLIC_RATE_LIMIT_PER_KEY) to those given a key. Over a limit answers
429 `rate_limited` with Retry-After, and a refused request counts too. The router's own per-IP
limit applies before any of these, to every route.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from redis.asyncio import Redis

from internal_api.public.cors import ANY_ORIGIN, Cors
from shared.utilities.errors import RateLimited
from shared.utilities.proxy import client_ip
from shared.utilities.ratelimit import Limit, RateLimiter

MAX_KEY_CHARS = 128  # keys come from paths; a longer one is cut (which only merges counts)


class PublicRateLimits:
    def __init__(self, redis: Redis, per_ip: tuple[Limit, ...], per_key: tuple[Limit, ...]) -> None:
        self.limiter = RateLimiter(redis, {"public-ip": per_ip, "public-key": per_key})

    async def hit(self, action: str, client_address: str, key: str = "") -> None:
        """Count one request of `action` from `client_address` (and on `key` when given);
        raises RateLimited over a limit."""
        subjects = {"public-ip": f"{action}:{client_address}"}
        if key:
            subjects["public-key"] = f"{action}:{key[:MAX_KEY_CHARS]}"
        verdict = await self.limiter.hit(subjects)
        if verdict and not verdict.allowed:
            raise RateLimited(headers={"retry-after": str(verdict.reset_seconds)})


def visitor_ip(request: Request) -> str:
    """The visitor's address behind our own proxies (TRUSTED_PROXIES)."""
    return client_ip(request.scope, request.app.state.settings.trusted_proxies)


def get_public_limits(request: Request) -> PublicRateLimits:
    return request.app.state.public_limits


VisitorIp = Annotated[str, Depends(visitor_ip)]
PublicLimits = Annotated[PublicRateLimits, Depends(get_public_limits)]


def rate_limited(action: str, key_from: str = "") -> Callable[..., Awaitable[None]]:
    """A route dependency counting each request of `action` per visitor address and, with
    `key_from`, per the value of that path parameter:
    `dependencies=[Depends(rate_limited("form-submission", key_from="form_id"))]`. It runs
    before the body is read."""

    async def count(request: Request, limits: PublicLimits, address: VisitorIp) -> None:
        key = request.path_params.get(key_from, "") if key_from else ""
        try:
            await limits.hit(action, address, str(key))
        except RateLimited:
            # A refusal tells nothing of the resource: any page may read its Retry-After.
            Cors(request).admit(ANY_ORIGIN)
            raise

    return count
