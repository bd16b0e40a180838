import pytest

from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]

# Literal public addresses: checked without asking DNS (the network is off in tests).
PUBLIC_URL = "https://93.184.215.14/hooks"
WEBHOOKS = "/v1/webhooks"


@pytest.fixture
async def deliver_queue(redis):
    """The broker's `webhook` queue, emptied before and after the test."""
    await redis.delete("webhook")
    yield "webhook"
    await redis.delete("webhook")


async def subscribe(api, signed_in, **overrides):
    body = {"url": PUBLIC_URL, "event_types": ["contact.created"], **overrides}
    return await api.post(WEBHOOKS, json=body, headers=signed_in.headers)
