"""Every audit action the code writes has words for the histories people read."""

import re
from pathlib import Path

from abierto.directory import audit_labels

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = re.compile(r'action=f?"([a-z_]+\.[a-z_.{}]+)"')


def written_actions():
    actions = set()
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for action in WRITTEN.findall(path.read_text(encoding="utf-8")):
            if "{how}" in action:  # account.password_{how}
                actions.update(action.replace("{how}", how) for how in ("change", "reset"))
            else:
                actions.add(action)
    return actions


def test_every_action_written_has_a_label():
    actions = written_actions()
    assert "session.convened" in actions  # the scan finds them
    missing = sorted(action for action in actions if audit_labels.label(action) == action)
    assert missing == []


def test_an_unknown_action_is_shown_as_it_is():
    assert audit_labels.label("something.new") == "something.new"
