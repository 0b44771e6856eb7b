"""The floors of the architecture (shared ARCHITECTURE.md) hold in the code, read from imports.

``opendata`` publishes what each app decides is public, so it reads other apps only through
their selectors, never their models. A type-only import (under ``if TYPE_CHECKING:``) reads
nothing and is allowed; so is naming a model by its label (``"plan.Commitment"``) for the
data dictionary's field metadata.
"""

import ast
from pathlib import Path

import pytest

ABIERTO = Path(__file__).resolve().parent.parent
APPS = sorted(p.name for p in ABIERTO.iterdir() if (p / "apps.py").exists())

# opendata's own table is built on the directory's abstract base: it reads no rows.
ALLOWED = {("models.py", "abierto.directory.models"): {"TimeStamped", "public_id_field"}}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST, package: str):
    """(module, names) of every import that runs, relative imports resolved."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, set()
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            yield module, {alias.name for alias in node.names}
        stack.extend(ast.iter_child_nodes(node))


def model_imports(source: str, *, app: str, filename: str, package: str) -> list[str]:
    """The imports of another app's models in one module of ``app``."""
    found = []
    for module, names in _runtime_imports(ast.parse(source), package):
        parts = module.split(".")
        if len(parts) < 2 or parts[0] != "abierto" or parts[1] == app:
            continue
        if len(parts) >= 3 and parts[2] == "models":
            if names and names <= ALLOWED.get((filename, module), set()):
                continue
            found.append(f"{filename}: {module} {sorted(names)}")
        elif len(parts) == 2 and "models" in names:
            found.append(f"{filename}: {module}.models")
    return found


def _modules(app: str):
    root = ABIERTO / app
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] in {"tests", "migrations"}:
            continue
        package = ".".join(["abierto", app, *relative.parts[:-1]])
        yield str(relative), package, path.read_text(encoding="utf-8")


def test_opendata_reads_other_apps_only_through_their_selectors():
    assert {"opendata", "plan", "forum", "directory"} <= set(APPS)
    found = [
        hit
        for filename, package, source in _modules("opendata")
        for hit in model_imports(source, app="opendata", filename=filename, package=package)
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from abierto.plan.models import Commitment",
        "from abierto.forum import models",
        "import abierto.directory.models",
        "from abierto.plan.models.commitments import Milestone",
        "from ..forum.models import Session",
        "def f():\n    from abierto.forum.models import Session",
        "if TYPE_CHECKING:\n    pass\nelse:\n    from abierto.plan.models import Activity",
    ],
)
def test_the_check_sees_a_model_import(source):
    assert model_imports(source, app="opendata", filename="x.py", package="abierto.opendata")


@pytest.mark.parametrize(
    "source",
    [
        "from abierto.plan import selectors as plan",
        "from .models import SearchEntry",
        "from abierto.opendata.models import AccessPlatform",
        "if TYPE_CHECKING:\n    from abierto.plan.models import Commitment",
        "from abierto.lib.roman import to_roman",
    ],
)
def test_the_check_lets_selectors_and_type_only_imports_pass(source):
    assert not model_imports(source, app="opendata", filename="x.py", package="abierto.opendata")


def test_only_the_named_base_may_come_from_the_directory_models():
    source = "from abierto.directory.models import Institution, TimeStamped"
    assert model_imports(source, app="opendata", filename="models.py", package="abierto.opendata")
