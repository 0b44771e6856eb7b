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
