"""The Dockerfile builds each service's image as the service table says: official slim Python,
the frozen lock without dev dependencies, dependencies before code, a non-root user, the
service's own module and port.

Docker cannot run on the build machines, so the file is read and checked, not run.
"""

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from scripts.services import SERVICES, Service

ROOT = Path(__file__).resolve().parents[2]
by_name = pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.compose_name)


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = (line.strip() for line in text.splitlines())
    return [
        (instruction.upper(), arguments.strip())
        for instruction, _, arguments in (
            line.partition(" ") for line in lines if line and not line.startswith("#")
        )
    ]


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile()
    last_from = max(i for i, (instruction, _) in enumerate(instructions) if instruction == "FROM")
    return instructions[last_from + 1 :]


def uv_syncs() -> list[str]:
    return [arguments for instruction, arguments in dockerfile() if "uv sync" in arguments]


def copied_before_the_first_sync() -> list[str]:
    """The sources of every COPY the dependency layer depends on."""
    instructions = dockerfile()
    first_sync = next(i for i, (_, arguments) in enumerate(instructions) if "uv sync" in arguments)
    return [
        source
        for instruction, arguments in instructions[:first_sync]
        if instruction == "COPY"
        for source in arguments.split()[:-1]
    ]


def image_environment() -> dict[str, str]:
    declared = " ".join(
        arguments for instruction, arguments in final_stage() if instruction == "ENV"
    )
    return dict(re.findall(r"(\w+)=(\S+)", declared))


def expand_for(service: Service, shell_word: str) -> str:
    """What the shell makes of a Dockerfile word when built with SERVICE=<the service's folder>."""
    result = subprocess.run(
        ["sh", "-c", f"printf %s {shell_word}"],
        env={"SERVICE": service.folder, "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_every_stage_builds_on_the_official_python_slim_image():
    images = [
        arguments.split()[0] for instruction, arguments in dockerfile() if instruction == "FROM"
    ]

    assert images == ["python:3.11-slim", "python:3.11-slim"]


def test_the_dockerfile_syncs_the_frozen_lock_without_dev_dependencies():
    syncs = uv_syncs()

    assert len(syncs) == 2
    for sync in syncs:
        assert "--frozen" in sync.split()
        assert "--no-dev" in sync.split()


@by_name
def test_the_dockerfile_syncs_the_package_named_by_the_build_arg(service):
    packages = [re.search(r'--package\s+("\$\(.*?\)")', sync) for sync in uv_syncs()]

    assert all(packages)
    assert {expand_for(service, package.group(1)) for package in packages} == {service.package}


def test_the_dockerfile_syncs_dependencies_before_copying_any_code():
    assert "--no-install-workspace" in uv_syncs()[0].split()
    assert all(
        source.endswith(("pyproject.toml", "uv.lock")) for source in copied_before_the_first_sync()
    )


def test_the_dockerfile_copies_every_workspace_members_manifest_before_the_first_sync():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    members = pyproject["tool"]["uv"]["workspace"]["members"]

    assert set(copied_before_the_first_sync()) == {"pyproject.toml", "uv.lock"} | {
        f"{member}/pyproject.toml" for member in members
    }


@by_name
def test_the_image_runs_the_module_named_by_the_build_arg(service):
    (command,) = [arguments for instruction, arguments in final_stage() if instruction == "CMD"]
    module = re.fullmatch(r'exec python -m ("\$\(.*\)")', command)

    assert module
    assert expand_for(service, module.group(1)) == service.module


def test_the_final_image_takes_only_the_venv_and_the_code_from_the_build_stage():
    copies = [
        arguments.split() for instruction, arguments in final_stage() if instruction == "COPY"
    ]

    assert copies
    assert all(copy[0] == "--from=build" for copy in copies)
    assert "/app/.venv" in [copy[1] for copy in copies]
    assert "/app/${SERVICE}" in [copy[1] for copy in copies]


def test_the_image_runs_as_a_non_root_user():
    users = [arguments for instruction, arguments in final_stage() if instruction == "USER"]

    assert users
    assert users[-1] not in {"root", "0"}


def test_the_image_runs_distributed_listening_on_every_interface():
    environment = image_environment()

    assert environment["PLATFORM_MODE"] == "distributed"
    assert environment["BIND_HOST"] == "0.0.0.0"


def test_the_image_healthcheck_asks_the_services_port_for_health_with_python():
    (healthcheck,) = [
        arguments for instruction, arguments in final_stage() if instruction == "HEALTHCHECK"
    ]

    assert "CMD python -c" in healthcheck
    assert "http://127.0.0.1:$SERVICE_PORT/health" in healthcheck
    assert image_environment()["SERVICE_PORT"] == "${PORT}"


def test_the_build_context_leaves_out_secrets_and_local_environments():
    ignored = (ROOT / ".dockerignore").read_text().splitlines()

    assert {".env", ".venv", ".git"} <= set(ignored)


# Addresses browsers and providers use (the edge's, published on the host), not containers.
