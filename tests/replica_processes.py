"""Services as the operators run them: each replica its own process (`python -m <service>`'s
`serve`) on its own port, with the test's Redis; killed with SIGKILL as a crashed pod is, and
started again on the same port. The replicas are forked by one launcher that imports each
service once (`tests.replica_launcher`); each keeps its request log lines (JSON) in a file, for
the test to count what it served."""

import asyncio
import contextlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.fixtures import free_port

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 60


class Launcher:
    """The process forking the replicas, on a pipe: `<service> <port> <log file>` -> pid."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lock = asyncio.Lock()

    @classmethod
    async def start(cls, services: list[str]) -> "Launcher":
        env = {**os.environ, "LOG_LEVEL": "INFO", "LOG_REQUEST_SAMPLE_RATE": "1"}
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.replica_launcher",
            *services,
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        launcher = cls(process)
        assert await launcher.answer() == "ready"
        return launcher

    async def answer(self) -> str:
        assert self.process.stdout is not None
        async with asyncio.timeout(START_SECONDS):
            return (await self.process.stdout.readline()).decode().strip()

    async def fork(self, service: str, port: int, log_file: Path) -> int:
        assert self.process.stdin is not None
        async with self.lock:
            self.process.stdin.write(f"{service} {port} {log_file}\n".encode())
            await self.process.stdin.drain()
            return int(await self.answer())

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


@dataclass
class ReplicaProcess:
    service: str
    launcher: Launcher
    log_file: Path
    port: int = field(default_factory=free_port)
    pid: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def served(self, path: str) -> int:
        """How many requests for `path` this replica has logged."""
        count = 0
        for raw in self.log_file.read_text().splitlines():
            with contextlib.suppress(ValueError):
                count += f" {path} " in str(json.loads(raw).get("message", ""))
        return count

    async def start(self) -> None:
        self.pid = await self.launcher.fork(self.service, self.port, self.log_file)
        await self.wait_until_healthy()

    async def wait_until_healthy(self) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=1) as client:
            async with asyncio.timeout(START_SECONDS):
                while True:
                    with contextlib.suppress(httpx.HTTPError):
                        if (await client.get("/health")).status_code == 200:
                            return
                    await asyncio.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, its connections simply gone."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


@contextlib.asynccontextmanager
async def replicas_of(*services: str, count: int = 2) -> AsyncIterator[dict]:
    """`count` replicas of each service; {service: [ReplicaProcess, ...]}."""
    launcher = await Launcher.start(list(services))
    with tempfile.TemporaryDirectory() as logs:
        started = {
            service: [
                ReplicaProcess(service, launcher, Path(logs) / f"{service}-{index}.log")
                for index in range(count)
            ]
            for service in services
        }
        every = [replica for replicas in started.values() for replica in replicas]
        try:
            await asyncio.gather(*(replica.start() for replica in every))
            yield started
        finally:
            for replica in every:
                replica.kill()
            await launcher.stop()
