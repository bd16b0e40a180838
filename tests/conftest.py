"""Fixtures every test can use: clients for a service's app, in-process or on a real port."""

import os

# Tests run in embedded mode on a real Redis (./scripts/test provides one) and on
# mongomock, or on a real MongoDB when MONGO_URL is set.
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["PLATFORM_MODE"] = "embedded"
os.environ["REDIS_URL"] = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379") + "/15"
os.environ.setdefault("MONGO_DB", "platform_test")

pytest_plugins = ["tests.fixtures"]
