"""Load the 125 municipalities (INEGI catalogue) and create the role groups."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"
ROLES = ["facilitator", "member", "agency-clerk", "citizen"]


def read_municipalities() -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = [(f"{r['cve_ent']}{r['cve_mun']}", r["nombre"].strip()) for r in csv.DictReader(lines)]
    if len(rows) != 125 or len({code for code, _name in rows}) != 125:
        raise RuntimeError(f"{DATA} must list 125 distinct municipalities, found {len(rows)}")
    return rows


def load(apps, schema_editor):
    Municipality = apps.get_model("directory", "Municipality")
    for code, name in read_municipalities():
        Municipality.objects.update_or_create(code=code, defaults={"name": name})
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        Group.objects.get_or_create(name=role)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
