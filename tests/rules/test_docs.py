"""The docs name tests as their evidence: each one named must exist, so a renamed or deleted
test cannot leave a page pointing at nothing."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED_TEST = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def cited_tests() -> list[tuple[str, str, str | None]]:
    return [
        (page.name, path, name)
        for page in sorted((ROOT / "docs").glob("*.md"))
        for path, name in CITED_TEST.findall(page.read_text())
    ]


def test_the_docs_cite_tests():
    assert any(page == "security.md" for page, _, _ in cited_tests())


def test_every_test_the_docs_cite_exists():
    missing = [
        f"{page}: {path}::{name}" if name else f"{page}: {path}"
        for page, path, name in cited_tests()
        if not (ROOT / path).is_file()
        or (name and not re.search(rf"def {name}\b", (ROOT / path).read_text()))
    ]

    assert missing == []
