"""`shared` is one installable package: it builds on its own, with every module and its deps."""

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def uv() -> str:
    return shutil.which("uv") or str(ROOT / ".cache" / "uv" / "bin" / "uv")


def test_shared_builds_a_wheel_with_its_models_utilities_and_dependencies(tmp_path):
    subprocess.run(
        [uv(), "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT / "shared")],
        check=True,
        capture_output=True,
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"},
    )

    (wheel,) = tmp_path.glob("shared-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(name for name in names if name.endswith("METADATA"))
        requirements = archive.read(metadata).decode()
    assert {"shared/utilities/app.py", "shared/models/__init__.py"} <= names
    assert "Requires-Dist: beanie" in requirements
    assert not any(name.startswith(("tests/", "router/")) for name in names)
