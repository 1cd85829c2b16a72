"""PostgreSQL: a GIN index on ``title || body`` of the search index.

Wagtail's PostgreSQL backend and ``search.backends.postgres.match_documents`` match
``(title || body) @@ query``; the index's own GIN indexes cover each column alone, which
that expression cannot use, so every search scanned every entry. No-op on SQLite (FTS5
has its own index).
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_document"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
