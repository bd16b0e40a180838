"""No Python file passes 400 lines: past that a file holds more than one responsibility and
is split by them (the code and its tests alike)."""

from pathlib import Path

MAX_LINES = 400
ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".cache", "node_modules", ".git"}


def python_files() -> list[Path]:
    return [path for path in ROOT.rglob("*.py") if not SKIPPED & set(path.relative_to(ROOT).parts)]


def test_python_files_are_found():
    assert ROOT / "shared/shared/utilities/app.py" in python_files()


def test_no_python_file_passes_400_lines():
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in python_files()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }

    assert long == {}
