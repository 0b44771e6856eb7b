"""The habits a newcomer inherits: CI's checks run on the developer's machine too (pre-commit),
the coverage floor is enforced by ``make test``, and product code is fully annotated."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _ci_script() -> str:
    return (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_every_static_check_ci_runs_is_a_pre_commit_hook():
    ci = _ci_script()
    hooks = _hooks()
    entries = " | ".join(hook["entry"] for hook in hooks.values())
    for command in ("ruff check", "ruff format --check", "mypy abierto conftest.py"):
        assert command in ci
        assert command in entries, command
    assert "makemigrations --check --dry-run" in ci
    assert "makemigrations --check --dry-run" in hooks["makemigrations-check"]["entry"]
    assert hooks["test-fast"]["stages"] == ["pre-push"]


def test_hooks_use_the_projects_virtualenv_and_download_nothing():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {hook["language"] for hook in _hooks().values()} == {"system"}


def test_make_test_enforces_a_coverage_floor_and_ci_measures_it_on_sqlite():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    floor = re.search(r"^COVERAGE_FLOOR \?= (\d+)$", makefile, re.MULTILINE)
    assert floor
    assert int(floor.group(1)) >= 90
    recipe = makefile.split("\ntest: ", 1)[1].split("\n\n", 1)[0]
    assert "$(COV_ARGS)" in recipe
    assert "--cov-fail-under=$(COVERAGE_FLOOR)" in makefile
    ci = _ci_script()
    assert re.search(r"^make test$", ci, re.MULTILINE)  # SQLite: with the floor


def test_make_test_fast_leaves_out_the_browser_and_subprocess_tests():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest-fast: ", 1)[1].split("\n\n", 1)[0]
    assert '-m "not e2e and not slow"' in recipe
    assert "COV_ARGS" not in recipe


def test_product_code_must_be_annotated_and_only_tests_are_exempt():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = config["tool"]["mypy"]
    assert mypy["disallow_untyped_defs"] is True
    for override in mypy.get("overrides", []):
        if override.get("disallow_untyped_defs") is False:
            modules = override["module"]
            assert all(
                ".tests." in name
                or name.endswith("tests.*")
                or name in ("conftest", "fuzz.*", "bench.*")
                for name in modules
            ), modules


def test_ci_s_postgresql_run_keeps_every_test_that_can_reach_the_database():
    """The second run leaves out only tests that cannot open a connection: neither marked for
    the database nor asking for a fixture that opens it, nor starting a server or a command."""
    from conftest import uses_database

    class Item:
        def __init__(self, markers: tuple[str, ...], fixtures: tuple[str, ...]) -> None:
            self.markers, self.fixturenames = markers, fixtures

        def get_closest_marker(self, name: str) -> object | None:
            return name if name in self.markers else None

    assert uses_database(Item(("django_db",), ()))
    assert uses_database(Item(("slow",), ()))  # a browser or a subprocess reads DATABASE_URL
    assert uses_database(Item((), ("facilitator", "db")))
    assert uses_database(Item((), ("live_server",)))
    assert uses_database(Item((), ("transactional_db",)))
    # Every test has pytest-django's blocker in its closure: that alone opens nothing.
    assert not uses_database(Item((), ("django_db_blocker", "settings", "tmp_path")))
    # Tesseract and the acta reader's child open no database: their slow tests may say so.
    assert not uses_database(Item(("slow", "no_database"), ()))
    assert uses_database(Item(("slow", "no_database", "django_db"), ()))
    # ... and only tests of the pure helpers (abierto/lib/, which imports no Django model) or
    # tests whose programs get no DATABASE_URL (a site or a file of their own) do.
    repo = Path(__file__).resolve().parents[2]
    marker = "pytest.mark." + "no_database"
    marked = {
        path: path.read_text(encoding="utf-8")
        for path in (repo / "abierto").rglob("test_*.py")
        if marker in path.read_text(encoding="utf-8")
    }
    assert marked
    for path, source in marked.items():
        if path.relative_to(repo).as_posix().startswith("abierto/lib/tests/"):
            continue
        passes_environment = ("**os.environ", "os.environ.copy", "dict(os.environ")
        assert "DATABASE_URL" not in source, path
        assert not any(form in source for form in passes_environment), path
    ci = _ci_script()
    assert re.search(r"^ABIERTO_TESTS=database DATABASE_URL=", ci, re.MULTILINE)
