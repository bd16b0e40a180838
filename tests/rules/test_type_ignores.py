"""A `type: ignore` names the error it silences and says why, on its line or on the comment
line just above (which may explain a run of them), so none is left in place after its reason
is gone."""

import re
from pathlib import Path

from tests.rules.test_layout import python_files, relative

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[a-z0-9-]+(?:,\s*[a-z0-9-]+)*\])?(?P<rest>.*)")


def unexplained(path: Path) -> list[str]:
    lines = path.read_text().splitlines()
    found = []
    explained_above = False
    for number, line in enumerate(lines):
        ignore = IGNORE.search(line)
        if ignore is None:
            explained_above = line.strip().startswith("#")
            continue
        explained = explained_above or bool(re.search(r"#\s*\w", ignore["rest"]))
        if not ignore["codes"] or not explained:
            found.append(f"{relative(path)}:{number + 1}")
        explained_above = explained
    return found


def test_every_type_ignore_names_its_error_and_its_reason():
    assert [place for path in python_files() for place in unexplained(path)] == []
