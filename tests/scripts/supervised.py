"""The supervisor as a real process with every service on a free port, and what it printed."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.services import SERVICES, Service
from shared.utilities.settings import env_name
from tests.fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]
SUPERVISOR = (sys.executable, "-m", "scripts.supervisor")
TABLE_PRINTED = "services up in"


def free_ports(services: Sequence[Service] = SERVICES) -> dict[Service, int]:
    return {service: free_port() for service in services}


def environment(ports: dict[Service, int], **env: str) -> dict[str, str]:
    by_name = {env_name(service.settings_class(), "port"): str(p) for service, p in ports.items()}
    return {**os.environ, **by_name, **env}


@dataclass
class Supervised:
    process: subprocess.Popen
    output_file: Path  # stdout and stderr together
    ports: dict[Service, int]

    def output(self) -> str:
        return self.output_file.read_text()

    # Generous: fifteen services start in one process, on two cores that may be busy; the
    # wait ends as soon as the text is printed.
    def wait_for(self, text: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            output = self.output()
            if text in output:
                return output
            if self.process.poll() is not None:
                raise AssertionError(f"exited {self.process.returncode} early:\n{output}")
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not printed within {timeout} s:\n{self.output()}")

    def url(self, service: Service) -> str:
        return f"http://127.0.0.1:{self.ports[service]}"


@contextmanager
def supervised(
    output_file: Path, *args: str, command: Sequence[str] = SUPERVISOR, **env: str
) -> Iterator[Supervised]:
    """Run the supervisor with every service on a free port; killed afterwards if still up."""
    ports = free_ports()
    with output_file.open("w") as sink:
        process = subprocess.Popen(
            [*command, *args],
            cwd=ROOT,
            env=environment(ports, **env),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Supervised(process, output_file, ports)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
