"""Fixtures every test can use: clients for a service's app, in-process or on a real port."""

import os

from tests.redis_for_tests import redis_url_for_tests

# Tests run in embedded mode on a real Redis of their own (never a developer's: see
# tests/redis_for_tests.py) and on mongomock, or on a real MongoDB when MONGO_URL is set. Under
# pytest-xdist each worker has its own Redis database and MongoDB database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
WORKER_NUMBER = int(WORKER.removeprefix("gw") or 0)

os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["PLATFORM_MODE"] = "embedded"
os.environ["REDIS_URL"] = f"{redis_url_for_tests()}/{WORKER_NUMBER + 1}"
os.environ["MONGO_DB"] = f"{os.environ.get('MONGO_DB', 'platform_test')}_{WORKER}"
# Nothing leaves the machine: services started by tests (in-process or as processes, which
# inherit this environment) must not reach a real provider in the background.
os.environ["CURRENCY_PROVIDER_URL"] = "http://127.0.0.1:9/eurofxref-daily.xml"
os.environ["INTERNAL_API_CURRENCY_URL"] = "http://127.0.0.1:9"

pytest_plugins = ["tests.fixtures", "tests.own_redis", "tests.query_audit"]
