"""The router's rate limits per account, session and client IP: the shared fixed-window
limiter (`shared.utilities.ratelimit`), which the internal API's public routes count with too."""

from shared.utilities.ratelimit import (
    KEY_PREFIX,
    Limit,
    Limits,
    RateLimiter,
    Verdict,
    parse_limits,
)

__all__ = ["KEY_PREFIX", "Limit", "Limits", "RateLimiter", "Verdict", "parse_limits"]
