"""The Redis the tests use: TEST_REDIS_URL when it is given (./scripts/test starts a
redis-server of its own and sets it), otherwise a redis-server started here for this run, so a
plain `pytest` never reads or flushes a Redis that somebody else runs on 127.0.0.1:6379."""

import atexit
import os
import shutil
import socket
import subprocess
import time

import redis

# Databases: one per pytest-xdist worker (db 0 is left unused).
DATABASES = 64


def redis_url_for_tests() -> str:
    url = os.environ.get("TEST_REDIS_URL", "").rstrip("/")
    if not url:
        url = os.environ["TEST_REDIS_URL"] = start_redis_server()
    return url


def start_redis_server() -> str:
    if shutil.which("redis-server") is None:
        raise RuntimeError(
            "redis-server is not installed: run ./scripts/test (it installs it), or set "
            "TEST_REDIS_URL to a Redis the tests may empty"
        )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--databases",
            str(DATABASES),
        ],
        stdout=subprocess.DEVNULL,
    )
    atexit.register(process.terminate)
    url = f"redis://127.0.0.1:{port}"
    client = redis.Redis.from_url(f"{url}/0")
    for _ in range(100):
        try:
            client.ping()
            return url
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("the tests' redis-server did not start")
