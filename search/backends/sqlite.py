"""The German SQLite FTS5 backend (see :mod:`search.backends`)."""

import datetime

from django.db import connections
from django.db.models.expressions import Value
from django.utils.dateparse import parse_datetime
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import SearchQueryExpression, SearchQueryField
from modelsearch.query import Phrase, PlainText

from . import (
    DOCUMENT_SELECT,
    DOCUMENT_TABLE,
    TITLE_WEIGHT,
    IndexEntry,
    _AnalyzingIndexerMixin,
    _GermanIndexMixin,
    fts5_expression,
    groups_for,
    query_groups,
)


class GermanSQLiteObjectIndexer(_AnalyzingIndexerMixin, lite.ObjectIndexer):
    pass


class _RawMatch(Value):
    """A ready FTS5 MATCH expression (terms are letters and digits only)."""

    _output_field = SearchQueryField()

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class GermanSQLiteSearchQueryCompiler(lite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            groups = groups_for(query, self.queryset.db)
            return SearchQueryExpression(_RawMatch(fts5_expression(groups)))
        return super().build_search_query_content(query, config=config)


class GermanSQLiteIndex(_GermanIndexMixin, lite.SQLiteIndex):
    """SQLiteIndex.add_items with the analysing indexer (the writes are upstream's)."""

    indexer_class = GermanSQLiteObjectIndexer

    def write_entries(self, content_type_pk, indexers):
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )


class GermanSQLiteSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = GermanSQLiteSearchQueryCompiler
    index_class = GermanSQLiteIndex

    def match_documents(self, text, locale_id, using="default"):
        """Rows of the live search documents in ``locale_id`` matching ``text``, with a
        rank (higher is better) as their last column: one statement (search.query)."""
        expression = fts5_expression(query_groups(text, using))
        entries = IndexEntry._meta.db_table
        # bm25() weighs the FTS columns in their order: autocomplete, body, title. CROSS
        # JOIN keeps SQLite's join order: the full-text match first, then its entries
        # and documents by key (otherwise it may walk all documents and match each).
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"""
                SELECT {DOCUMENT_SELECT}, -bm25({entries}_fts, 0.0, 1.0, {TITLE_WEIGHT})
                FROM {entries}_fts
                CROSS JOIN {entries} e ON e.id = {entries}_fts.rowid
                CROSS JOIN {DOCUMENT_TABLE} d
                  ON d.content_type_id = e.content_type_id AND d.object_key = e.object_id
                WHERE {entries}_fts MATCH %s AND d.locale_id = %s AND d.live
                """,  # noqa: S608
                ["{title body} : (" + expression + ")", locale_id],
            )
            rows = cursor.fetchall()
        return [(*row[:6], _aware(row[6]), *row[7:]) for row in rows]


def _aware(value):
    """A datetime column of a raw SQLite row (naive UTC, or text) as an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


SearchBackend = GermanSQLiteSearchBackend
