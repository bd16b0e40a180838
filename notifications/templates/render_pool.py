"""The service's render workers (`render_worker` processes), and the time limit of a render.

Each worker is a child process answering one job at a time over its pipes. A render that
outlasts the time limit has its worker killed (a thread could not be stopped) and replaced on
the next job; so is a worker that ran out of memory or died. At most `size` renders run at
once, each in a thread of the pool's own, so the event loop only awaits them.

Workers start on first use and stop with the pool (the app's lifespan); a worker whose service
dies sees its stdin close and exits.
"""

import asyncio
import json
import os
import selectors
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

# Where `python -m notifications...` finds the package, whatever the service's directory.
ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 30


class RenderTimeout(Exception):
    """The render took longer than the limit; its worker was stopped."""


class WorkerLost(Exception):
    """The worker died before answering."""


class WorkerNotStarted(Exception):
    """A new worker did not say it was ready."""


class RenderWorker:
    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT
        )
        self.buffer = bytearray()
        try:
            self.read_line(START_SECONDS)  # {"ready": true}, once it has started
        except (RenderTimeout, WorkerLost):
            self.stop()
            raise WorkerNotStarted() from None

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, job: dict[str, Any], timeout_seconds: float) -> dict[str, Any]:
        try:
            self.input.write(json.dumps(job).encode() + b"\n")
            self.input.flush()
        except BrokenPipeError:
            raise WorkerLost() from None
        return json.loads(self.read_line(timeout_seconds))

    def read_line(self, timeout_seconds: float) -> bytes:
        deadline = time.monotonic() + timeout_seconds
        with selectors.DefaultSelector() as selector:
            selector.register(self.output, selectors.EVENT_READ)
            while b"\n" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise RenderTimeout()
                chunk = os.read(self.output.fileno(), 1 << 16)
                if not chunk:
                    raise WorkerLost()
                self.buffer += chunk
        line, _, rest = self.buffer.partition(b"\n")
        self.buffer = bytearray(rest)
        return bytes(line)

    @property
    def input(self) -> IO[bytes]:
        assert self.process.stdin is not None, "started with a pipe"
        return self.process.stdin

    @property
    def output(self) -> IO[bytes]:
        assert self.process.stdout is not None, "started with a pipe"
        return self.process.stdout

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.input.close()
        self.output.close()


class RenderPool:
    def __init__(
        self, size: int, timeout_seconds: float, output_limit: int, memory_mb: int
    ) -> None:
        self.timeout_seconds = timeout_seconds
        self.command = [
            sys.executable,
            "-m",
            "notifications.templates.render_worker",
            f"--output-limit={output_limit}",
            f"--memory-mb={memory_mb}",
        ]
        self.threads = ThreadPoolExecutor(size, thread_name_prefix="render")
        self.idle: list[RenderWorker] = []
        self.lock = threading.Lock()
        self.closed = False

    async def ask(self, job: dict[str, Any]) -> dict[str, Any]:
        """The worker's answer to the job; RenderTimeout or WorkerLost when it gave none."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.threads, self.ask_a_worker, job)

    def ask_a_worker(self, job: dict[str, Any]) -> dict[str, Any]:
        worker = self.take()
        try:
            answer = worker.ask(job, self.timeout_seconds)
        except (RenderTimeout, WorkerLost):
            worker.stop()
            raise
        if answer.get("error", {}).get("kind") == "memory":
            # Past a MemoryError a process is better replaced than trusted.
            worker.stop()
        else:
            self.give_back(worker)
        return answer

    def take(self) -> RenderWorker:
        with self.lock:
            while self.idle:
                worker = self.idle.pop()
                if worker.alive:
                    return worker
                worker.stop()
        return RenderWorker(self.command)

    def give_back(self, worker: RenderWorker) -> None:
        with self.lock:
            if not self.closed:
                self.idle.append(worker)
                return
        worker.stop()

    def close(self) -> None:
        """Stops the idle workers now, and those rendering once they answer."""
        self.threads.shutdown(wait=False, cancel_futures=True)
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for worker in idle:
            worker.stop()
