"""The application runs on its runtime dependencies alone: nothing it imports outside
``TYPE_CHECKING`` may come from the ``dev`` extra, which production does not install."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Packages of the dev extra that application code could reach for. (django_stubs_ext is not
# among them: django-tasks, a runtime dependency, needs it.)
DEV_ONLY = (
    "django_stubs", "mypy", "pytest", "factory", "hypothesis",
    "playwright", "time_machine", "pypdf", "rdflib", "schemathesis", "vobject", "jwt", "moto",
)  # fmt: skip

SCRIPT = f"""
import importlib, pkgutil, sys
for name in {DEV_ONLY!r}:
    sys.modules[name] = None  # "import name" now fails as if it were not installed
import django
django.setup()
import abierto
for module in pkgutil.walk_packages(abierto.__path__, "abierto."):
    if ".tests" in module.name or module.name.endswith(("test_settings", "conftest")):
        continue
    importlib.import_module(module.name)
print("ok")
"""


def test_every_module_imports_without_the_dev_extra():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "abierto.test_settings"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ok")
