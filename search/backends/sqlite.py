"""The German SQLite FTS5 backend (see :mod:`search.backends`)."""

from django.db.models.expressions import Value
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import SearchQueryExpression, SearchQueryField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from . import IndexEntry, _AnalyzingIndexerMixin, fts5_expression, groups_for, invalidate_vocabulary


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


class GermanSQLiteIndex(lite.SQLiteIndex):
    """SQLiteIndex.add_items with the analysing indexer (the rest is upstream's code)."""

    def add_items(self, model, objs):
        search_fields = model.get_search_fields()
        if not search_fields:
            return
        indexers = [GermanSQLiteObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        invalidate_vocabulary()
        content_type_pk = get_content_type_pk(model)
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
        self._refresh_title_norms()

    def delete_item(self, item):
        invalidate_vocabulary()
        super().delete_item(item)


class GermanSQLiteSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = GermanSQLiteSearchQueryCompiler
    index_class = GermanSQLiteIndex


SearchBackend = GermanSQLiteSearchBackend
