"""Drop the ``varchar_pattern_ops`` ("_like") indexes Django adds on PostgreSQL to indexed text
columns, for the four that only ever hold keyed hashes or random ids, looked up by equality.

Every issued document wrote four index entries for nothing, and one more per related holder
(its public id and holder index, its holders' CUTS indexes, its ISSUE event's hash): a prefix
search (``LIKE 'x%'``) of a keyed hash has no use, and the admin's search (``icontains``)
cannot use them either. The equality indexes and unique constraints stay. Django drops these
indexes with ``IF EXISTS`` when it alters such a field later, so their absence does not break
a future migration.
"""

from django.db import migrations

# (model, field): their columns' "_like" indexes go.
HASHED_COLUMNS = [
    ("document", "public_id"),
    ("document", "holder_index"),
    ("documentholder", "cuts_index"),
    ("accessevent", "hash"),
]


def _like_indexes(apps, schema_editor):
    for model_name, field_name in HASHED_COLUMNS:
        model = apps.get_model("folder", model_name)
        column = model._meta.get_field(field_name).column
        name = schema_editor._create_index_name(model._meta.db_table, [column], suffix="_like")
        yield model, column, name


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _model, _column, name in _like_indexes(apps, schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def restore(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, column, name in _like_indexes(apps, schema_editor):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {schema_editor.quote_name(name)} ON "
            f"{schema_editor.quote_name(model._meta.db_table)} "
            f"({schema_editor.quote_name(column)} varchar_pattern_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("folder", "0007_verification_spool")]

    operations = [migrations.RunPython(drop, restore)]
