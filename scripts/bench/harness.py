"""What every benchmark needs: services in their own processes, and wrk to load them.

Benchmarks print figures measured in one run; they are not tests and assert nothing.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import redis

from scripts.services import SERVICES
from shared.utilities.settings import env_name
from tests.fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]
# The processes `serving` runs, by base URL, so a benchmark can read what CPU each one used.
RUNNING: dict[str, subprocess.Popen] = {}


@contextmanager
def service(module: str, port: int, **env: str) -> Iterator[str]:
    """Run `python -m module` on `port` until the block ends; yields its base URL. Its logs go
    nowhere (LOG_LEVEL is WARNING unless `env` says otherwise, as a benchmark of the logging
    itself does)."""
    settings_class = next(s for s in SERVICES if s.module == module).settings_class()
    environment = {"LOG_LEVEL": "WARNING", env_name(settings_class, "port"): str(port), **env}
    with serving([sys.executable, "-m", module], port, environment) as url:
        yield url


@contextmanager
def serving(command: list[str], port: int, env: dict[str, str]) -> Iterator[str]:
    """Run `command` (a server answering /health on `port`) until the block ends, its output
    discarded; yields its base URL."""
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        RUNNING[url] = process
        yield url
    finally:
        RUNNING.pop(url, None)
        process.terminate()
        process.wait(timeout=10)


@dataclass(frozen=True)
class CpuTime:
    user: float
    kernel: float  # system time: for a server, mostly its socket reads and writes

    @property
    def total(self) -> float:
        return self.user + self.kernel

    def __sub__(self, earlier: "CpuTime") -> "CpuTime":
        return CpuTime(self.user - earlier.user, self.kernel - earlier.kernel)


def cpu_time(url: str) -> CpuTime:
    """The CPU time the server at `url` has used so far, in seconds (Linux /proc)."""
    fields = Path(f"/proc/{RUNNING[url].pid}/stat").read_text().rpartition(")")[2].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return CpuTime(int(fields[11]) / ticks, int(fields[12]) / ticks)


@contextmanager
def own_redis() -> Iterator[str]:
    """A redis-server of the benchmark's own on a free port (never the machine's Redis)."""
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is needed for benchmarks: apt-get install redis-server")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        deadline = time.monotonic() + 10
        while not redis_answers(client):
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("redis-server did not start")
            time.sleep(0.05)
        yield url
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def redis_answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url}: the service exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"{url}: no /health within {timeout}s")


@dataclass
class Load:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int = 0


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed for benchmarks: apt-get install wrk")
    return wrk


def run_wrk(
    name: str,
    url: str,
    headers: dict[str, str] | None = None,
    seconds: int = 10,
    connections: int = 32,
) -> Load:
    """One wrk thread (the services need the cores), `connections` keep-alive connections."""
    command = [require_wrk(), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header, value in (headers or {}).items():
        command += ["-H", f"{header}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return Load(
        name=name,
        requests_per_second=float(wrk_figure(output, r"Requests/sec:\s+([\d.]+)")[0]),
        p50_ms=latency_ms(output, "50%"),
        p99_ms=latency_ms(output, "99%"),
        errors=non_2xx(output),
        requests=int(wrk_figure(output, r"(\d+) requests in")[0]),
    )


def wrk_figure(output: str, pattern: str) -> tuple[str, ...]:
    found = re.search(pattern, output)
    if not found:
        raise SystemExit(f"wrk printed no {pattern!r}:\n{output}")
    return found.groups()


def latency_ms(output: str, percentile: str) -> float:
    value, unit = wrk_figure(output, rf"{percentile}\s+([\d.]+)(us|ms|s)")
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def non_2xx(output: str) -> int:
    found = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return int(found.group(1)) if found else 0


def print_loads(loads: list[Load], baseline: Load) -> None:
    print(f"{'way':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs direct':>10} {'errors':>7}")
    for load in loads:
        ratio = load.requests_per_second / baseline.requests_per_second
        print(
            f"{load.name:<44} {load.requests_per_second:>9.0f} {load.p50_ms:>8.2f} "
            f"{load.p99_ms:>8.2f} {ratio:>9.0%} {load.errors:>7}"
        )
