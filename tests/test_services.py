"""Every service starts alone with `python -m <service>` and imports no other service."""

import os
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import httpx
import pytest

from scripts.services import SERVICES
from shared.utilities.settings import env_name
from tests.fixtures import free_port

ROOT = Path(__file__).resolve().parent.parent


def start(module: str, port: int, **env: str) -> subprocess.Popen:
    settings_class = next(s for s in SERVICES if s.module == module).settings_class()
    environment = {**os.environ, env_name(settings_class, "port"): str(port), **env}
    return subprocess.Popen(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# Generous: fifteen processes start at once on two cores that may be busy; the wait ends as
# soon as the service answers.
def wait_for_health(port: int, process: subprocess.Popen, timeout: float = 90) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited early: {process.stderr.read()}")
        try:
            return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"no /health on port {port} within {timeout}s")


def test_the_service_table_matches_each_services_default_port():
    assert {s.module: s.settings_class()().port for s in SERVICES} == {
        s.module: s.port for s in SERVICES
    }


def test_every_service_starts_alone_and_answers_health():
    ports = {service.module: free_port() for service in SERVICES}
    processes = {module: start(module, port) for module, port in ports.items()}
    try:
        answers = {
            module: wait_for_health(ports[module], process).json()
            for module, process in processes.items()
        }
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(timeout=10)

    for service in SERVICES:
        assert answers[service.module]["status"] == "ok", service.module


def test_a_service_stops_cleanly_on_sigterm():
    port = free_port()
    process = start("misc.currency", port)
    wait_for_health(port, process)

    process.terminate()
    returncode = process.wait(timeout=10)

    assert returncode == 0
    assert "Traceback" not in process.stderr.read() + process.stdout.read()


def test_a_port_in_use_is_reported_with_the_service_name():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start("misc.currency", port)
        returncode = process.wait(timeout=30)

    assert returncode == 1
    assert process.stderr.read().strip() == f"currency: port {port} on 127.0.0.1 is already in use"


def test_no_service_imports_another():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("importer", ["internal_api", "misc.currency"])
def test_the_import_check_catches_a_service_importing_another(tmp_path, importer):
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    for service in SERVICES:
        package = tmp_path / service.folder
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text("")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "__init__.py").write_text("")
    (tmp_path / "misc" / "__init__.py").write_text("")
    (tmp_path / importer.replace(".", "/") / "leak.py").write_text("import router\n")
    (tmp_path / ".importlinter").write_text(ini_from(config))

    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert f"{importer}.leak -> router" in result.stdout


def ini_from(config: dict) -> str:
    """The pyproject's import-linter config written as an .importlinter file."""
    lines = ["[importlinter]", "root_packages =", *(f"    {p}" for p in config["root_packages"])]
    for number, contract in enumerate(config["contracts"]):
        lines.append(f"[importlinter:contract:{number}]")
        for key, value in contract.items():
            if isinstance(value, list):
                lines += [f"{key} =", *(f"    {item}" for item in value)]
            else:
                lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"
