"""scripts/lib/bootstrap.sh's `ensure_venv`, as scripts/test, scripts/up and scripts/fuzz call
it on one .venv: a sync only adds, names the interpreter itself (never a pyenv shim, which made
uv recreate the .venv), and is skipped when an earlier one covered the groups asked for."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scripts.supervised import ROOT

FAKE_UV = """#!/usr/bin/env bash
echo "$*" >> "{calls}"
"""
# A launcher in front of the interpreter, as pyenv's shims are.
SHIM = """#!/usr/bin/env bash
exec "{python}" "$@"
"""


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A copy of bootstrap.sh in a checkout of its own, with a lock, a fake uv recording its
    calls and a Python shim first on PATH."""
    (tmp_path / "scripts" / "lib").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "lib" / "bootstrap.sh", tmp_path / "scripts" / "lib")
    (tmp_path / "uv.lock").write_text("")
    (tmp_path / ".venv").mkdir()
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, text in {
        "uv": FAKE_UV.format(calls=tmp_path / "calls"),
        "python3.11": SHIM.format(python=sys.executable),
    }.items():
        (tools / name).write_text(text)
        (tools / name).chmod(0o755)
    return tmp_path


def ensure_venv(checkout: Path, *groups: str) -> list[str]:
    """Run `ensure_venv` with these arguments; the uv calls made so far."""
    subprocess.run(
        ["bash", "-c", 'source scripts/lib/bootstrap.sh && ensure_venv "$@"', "bash", *groups],
        cwd=checkout,
        env={"PATH": f"{checkout / 'bin'}:/usr/bin:/bin"},
        check=True,
    )
    calls = checkout / "calls"
    return calls.read_text().splitlines() if calls.exists() else []


def test_a_sync_adds_only_and_names_the_interpreter_not_its_shim(checkout):
    [call] = ensure_venv(checkout, "--group", "dev")

    assert "--inexact" in call.split()
    assert f"--python {sys.executable} " in call  # what the shim runs, not the shim


def test_a_narrower_request_after_a_sync_does_not_sync_again(checkout):
    ensure_venv(checkout, "--group", "dev")

    calls = ensure_venv(checkout)

    assert len(calls) == 1


def test_a_group_not_yet_synced_is_synced_and_kept(checkout):
    ensure_venv(checkout, "--group", "dev")
    ensure_venv(checkout, "--group", "dev", "--group", "fuzz")

    calls = ensure_venv(checkout, "--group", "fuzz")

    assert len(calls) == 2
    assert calls[1].endswith("--group dev --group fuzz")


def test_a_changed_lock_is_synced_again(checkout):
    ensure_venv(checkout, "--group", "dev")
    stamp = checkout / ".venv" / ".synced"
    lock = checkout / "uv.lock"
    lock.write_text("changed")
    later = stamp.stat().st_mtime + 10
    os.utime(lock, (later, later))

    calls = ensure_venv(checkout)

    assert len(calls) == 2
