"""Fixtures every test can use: clients for a service's app, in-process or on a real port."""

import os

# Tests run in embedded mode on a real Redis (./scripts/test provides one) and on
# mongomock, or on a real MongoDB when MONGO_URL is set.
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["PLATFORM_MODE"] = "embedded"
os.environ["REDIS_URL"] = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379") + "/15"
os.environ.setdefault("MONGO_DB", "platform_test")
# Nothing leaves the machine: services started by tests (in-process or as processes, which
# inherit this environment) must not reach a real provider in the background.
os.environ["CURRENCY_PROVIDER_URL"] = "http://127.0.0.1:9/eurofxref-daily.xml"

pytest_plugins = ["tests.fixtures", "tests.own_redis"]
