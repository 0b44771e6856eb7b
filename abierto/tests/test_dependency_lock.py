"""The lock files pin every dependency of pyproject.toml, with hashes (issue 15, item 11).

``make install`` installs ``requirements/dev.lock`` with ``pip --require-hashes``, so what CI
tested is what a release installs. These tests fail when pyproject.toml gains or changes a
dependency and nobody ran ``make lock``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
_PIN_RE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)", re.M)


def _pins(lock: str) -> dict[str, Version]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    return {
        canonicalize_name(match["name"]): Version(match["version"])
        for match in _PIN_RE.finditer(text)
    }


def _declared(extra: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [Requirement(line) for line in project["dependencies"]]
    if extra:
        declared += [Requirement(line) for line in project["optional-dependencies"][extra]]
    return declared


@pytest.mark.parametrize(("lock", "extra"), [("base.lock", None), ("dev.lock", "dev")])
def test_every_declared_dependency_is_pinned_within_its_range(lock, extra):
    pins = _pins(lock)
    problems = []
    for requirement in _declared(extra):
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            problems.append(f"{requirement.name}: not in {lock}")
        elif not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(f"{requirement.name}: {pinned} outside {requirement.specifier}")
    assert problems == [], "run `make lock`"


@pytest.mark.parametrize("lock", ["base.lock", "dev.lock"])
def test_every_pin_carries_its_hashes(lock):
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [entry.split("\n", 1)[0] for entry in entries if "--hash=sha256:" not in entry]
    assert unhashed == []
    assert len(entries) == len(_pins(lock))


def test_the_makefile_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements/dev.lock" in makefile
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
