"""The German PostgreSQL backend (see :mod:`search.backends`)."""

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.query import Phrase, PlainText

from . import (
    DOCUMENT_SELECT,
    DOCUMENT_TABLE,
    TITLE_WEIGHT,
    IndexEntry,
    _AnalyzingIndexerMixin,
    _GermanIndexMixin,
    groups_for,
    query_groups,
    tsquery_expression,
)


class GermanPostgresObjectIndexer(_AnalyzingIndexerMixin, pg.ObjectIndexer):
    """Analysed vectors; the plain ``title_text``/``body_text`` for ``Fuzzy`` stay raw."""

    def _raw(self, name):
        self.analyzing = False
        try:
            return getattr(super(), name)
        finally:
            self.analyzing = True

    @cached_property
    def title_text(self):
        return self._raw("title_text")

    @cached_property
    def body_text(self):
        return self._raw("body_text")


class GermanPostgresSearchQueryCompiler(pg.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            groups = groups_for(query, self.queryset.db)
            expression = tsquery_expression(groups)
            if invert:
                expression = f"!({expression})"
            return SearchQuery(expression, search_type="raw", config="simple")
        return super().build_tsquery_content(query, config=config, invert=invert)


class GermanPostgresIndex(_GermanIndexMixin, pg.PostgresIndex):
    """PostgresIndex.add_items with the analysing indexer (the SQL is upstream's)."""

    indexer_class = GermanPostgresObjectIndexer

    def write_entries(self, content_type_pk, indexers):
        compiler = pg.InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            sqls = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                sqls.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {sqls[0]}, {sqls[1]}, {sqls[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608
                params,
            )


class GermanPostgresSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = GermanPostgresSearchQueryCompiler
    index_class = GermanPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = "simple"  # the terms are stemmed already

    def match_documents(self, text, locale_id, using="default"):
        """Rows of the live search documents in ``locale_id`` matching ``text``, with a
        rank (higher is better) as their last column: one statement (search.query)."""
        expression = tsquery_expression(query_groups(text, using))
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"""
                SELECT {DOCUMENT_SELECT},
                       {TITLE_WEIGHT} * ts_rank(e.title, q) + ts_rank(e.body, q)
                FROM {DOCUMENT_TABLE} d
                JOIN {IndexEntry._meta.db_table} e
                  ON e.content_type_id = d.content_type_id AND e.object_id = d.object_key,
                  to_tsquery('simple', %s) q
                WHERE d.locale_id = %s AND d.live AND (e.title || e.body) @@ q
                """,  # noqa: S608
                [expression, locale_id],
            )
            return cursor.fetchall()


SearchBackend = GermanPostgresSearchBackend
