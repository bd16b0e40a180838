import pytest

from internal_api.auth.throttle import KEY_PREFIX


@pytest.fixture(autouse=True)
async def no_login_attempts_remembered(redis):
    """Each test starts with no login attempts counted, for any email or address."""
    async for counter in redis.scan_iter(match=f"{KEY_PREFIX}*"):
        await redis.delete(counter)
