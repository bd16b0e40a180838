"""The house rules of the code, checked on every file so they hold as the code grows:

- every query of a collection is a method of a repository (`repository.py`): no
  `Model.find(...)`, `Model.get(...)` or motor collection anywhere else;
- a module's `service.py` holds business logic only: no FastAPI or Starlette in it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "shared/shared",
    "gateway",
    "router",
    "internal_api",
    "external_api",
    "conversation_socket",
    "general_socket",
    "queue_manager",
    "notifications",
    "ai_service",
    "misc",
)
# Called on a document class, these read or write its collection.
QUERY_METHODS = {
    "find",
    "find_one",
    "find_all",
    "find_many",
    "get",
    "aggregate",
    "count",
    "distinct",
    "delete_all",
    "insert_many",
    "update_all",
}
# Whoever holds the collection can run any query on it.
COLLECTION_METHODS = {"get_motor_collection", "get_pymongo_collection", "get_collection"}
# Where a query outside a repository is the point: connecting and declaring indexes.
QUERIES_ALLOWED_IN = {"shared/shared/utilities/db.py"}
HTTP_FRAMEWORKS = ("fastapi", "starlette")


def python_files() -> list[Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "tests" not in path.parts
    )


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def document_names(tree: ast.Module) -> set[str]:
    """Names bound in the module to a document class: imported from shared.models, or defined
    here on a Document base."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("shared.models"):
            names |= {alias.asname or alias.name for alias in node.names if alias.name[0].isupper()}
        if isinstance(node, ast.ClassDef) and any(
            isinstance(base, ast.Name | ast.Attribute) and "Document" in ast.unparse(base)
            for base in node.bases
        ):
            names.add(node.name)
    return names


def queries_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    documents = document_names(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        on_document = isinstance(receiver, ast.Name) and receiver.id in documents
        if (on_document and method in QUERY_METHODS) or method in COLLECTION_METHODS:
            found.append(f"{relative(path)}:{node.lineno} {ast.unparse(node.func)}")
    return found


def http_imports_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        found += [
            f"{relative(path)}:{node.lineno} {module}"
            for module in modules
            if module.split(".")[0] in HTTP_FRAMEWORKS
        ]
    return found


def test_every_query_is_a_method_of_a_repository():
    outside: dict[str, list[str]] = {}
    for path in python_files():
        allowed = path.name == "repository.py" or relative(path) in QUERIES_ALLOWED_IN
        if not allowed and (found := queries_in(path)):
            outside[relative(path)] = found

    assert outside == {}


def test_no_service_module_imports_an_http_framework():
    found = [
        found
        for path in python_files()
        if path.name == "service.py"
        for found in http_imports_in(path)
    ]

    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from shared.models.contact import Contact\nContact.find({})", 1),
        ("from shared.models.contact import Contact\nawait Contact.get(oid)", 1),
        ("collection = anything.get_motor_collection()", 1),
        ("settings.get('x')\nrows.find('a')", 0),
    ],
)
def test_the_query_check_tells_queries_from_other_calls(tmp_path, source, expected):
    probe = ROOT / ".cache" / "rule_probe.py"
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(source)
    try:
        assert len(queries_in(probe)) == expected
    finally:
        probe.unlink()
