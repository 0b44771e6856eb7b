import datetime
from decimal import Decimal

from abierto.directory import audit
from abierto.forum.services import _audit as forum_audit
from abierto.plan.services import _audit as plan_audit


def test_forum_and_plan_share_one_set_of_audit_helpers():
    for name in ("audit_record", "changes_between", "jsonable", "snapshot"):
        assert getattr(forum_audit, name) is getattr(audit, name)
        assert getattr(plan_audit, name) is getattr(audit, name)


def test_changes_between_keeps_only_changed_fields_as_json_values():
    before = {"title": "Sesión", "on": datetime.date(2024, 3, 1), "weight": Decimal("1.50")}
    after = {"title": "Sesión", "on": datetime.date(2024, 3, 8), "weight": Decimal("2")}
    assert audit.changes_between(before, after) == {
        "on": ["2024-03-01", "2024-03-08"],
        "weight": ["1.50", "2"],
    }


def test_snapshot_reads_the_named_fields():
    class Thing:
        title = "Acta"
        number = 3

    assert audit.snapshot(Thing(), ["title", "number"]) == {"title": "Acta", "number": 3}
