"""German search on Wagtail's database backends (SQLite FTS5 and PostgreSQL).

Both backends index and query the output of :mod:`search.analysis`, so a query means
the same on either database:

* Index time: every ``SearchField`` value is replaced by its analysed terms (stems of
  the words, of their sub-compounds and parts, umlauts and ae/oe/ue folded). The terms
  are produced word by word, so repeated words keep their frequency for ranking.
  ``AutocompleteField`` values are left as they are (autocomplete works as before).
  PostgreSQL uses the ``simple`` configuration: the terms are stemmed already.
* Query time: a plain-text query becomes AND over the groups of
  :func:`~search.analysis.analyze_query`, OR over a group's alternatives, AND inside an
  alternative, written in the backend's own syntax (an FTS5 MATCH expression, a raw
  ``to_tsquery('simple', ...)``). A ``Phrase`` is matched as all of its words (the index
  keeps no positions that a phrase could rely on).
* Typos: a query word none of whose alternatives occurs in the index vocabulary is
  looked up in a :class:`~search.analysis.TypoIndex` over that vocabulary (read from the
  index, cached per process for ``TYPO_CACHE_SECONDS`` and dropped when this process
  indexes something), and the corrections are ORed in.

After switching a site to these backends (or changing :mod:`search.analysis`), the
index must be rebuilt: ``manage.py update_index``.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import threading
import time

from django.db import connections
from modelsearch.conf import get_app_config
from modelsearch.index import RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk

from ..analysis import TypoIndex, analyze, analyze_query, stem, tokenize

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

TYPO_CACHE_SECONDS = 300
MAX_CORRECTIONS = 5
# A term that analysis never produces from real text: what an empty query matches.
_NOTHING = "0ikemptyquery0"
# Endings the German Snowball stemmer strips; a word with a typo in its ending is a
# vocabulary stem followed by something one edit away from one of these.
_ENDINGS = (
    "",
    "e",
    "em",
    "en",
    "ern",
    "er",
    "es",
    "s",
    "n",
    "st",
    "est",
    "end",
    "ende",
    "ung",
    "ungen",
    "ig",
    "ige",
    "igen",
    "ik",
    "isch",
    "ische",
    "lich",
    "liche",
    "heit",
    "heiten",
    "keit",
    "keiten",
    "igung",
    "igungen",
    "igkeit",
    "igkeiten",
    "lichkeit",
    "lichkeiten",
    "ierung",
    "ierungen",
)
_ENDINGS_TYPO = TypoIndex(_ENDINGS, min_length=1)


# --- index time ----------------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def _analyze_chunk(chunk: str) -> tuple[str, ...]:
    return tuple(analyze(chunk))


def analyze_for_index(text: str) -> str:
    """Index content of a text: ``analyze`` word by word (keeps order and frequencies)."""
    # analyze() dedupes the terms of its whole input; per whitespace-separated chunk the
    # terms of repeated words survive, which BM25 and ts_rank need.
    return " ".join(t for chunk in text.split() for t in _analyze_chunk(chunk))


def _as_body_field(field):
    """A copy of a related ``title`` SearchField under another name."""
    renamed = copy.copy(field)
    renamed.field_name = "related_title"
    return renamed


class _AnalyzingIndexerMixin:
    """Replaces each ``SearchField`` value by its analysed terms (``RelatedFields`` recurse
    into this method, so their sub-fields are analysed once, here).

    Upstream puts every SearchField named ``title`` into the index's title column,
    those of related objects too: an event's agenda items and a recording's chapters
    made their titles count as the page's own, and an event presenting a case study
    outranked the case study itself. Related ``title`` fields go to the body here.
    """

    analyzing = True

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            for item in super().prepare_field(obj, field):
                if isinstance(item[0], SearchField) and item[0].field_name == "title":
                    item = (_as_body_field(item[0]), *item[1:])
                yield item
            return
        if not (self.analyzing and isinstance(field, SearchField)):
            yield from super().prepare_field(obj, field)
            return
        for item in super().prepare_field(obj, field):
            yield (*item[:-1], analyze_for_index(item[-1]))


# The search documents (search.documents), joined to the full-text match by the
# backends' match_documents(); the columns are search.query.DOCUMENT_COLUMNS.
DOCUMENT_TABLE = "search_searchdocument"
DOCUMENT_COLUMNS = (
    "page_id",
    "kind",
    "land",
    "kreis",
    "ags",
    "year",
    "date",
    "status",
    "themenfelder",
    "ozg",
)
DOCUMENT_SELECT = ", ".join(f"d.{column}" for column in DOCUMENT_COLUMNS)
# A query's terms in the title count this many times as much as in the body: a page
# titled with the query ranks above pages that mention it, however often.
TITLE_WEIGHT = 10.0


class _GermanIndexMixin:
    """What both German index classes do around writing entries: analyse with
    ``indexer_class``, drop the typo vocabulary, refresh title norms, keep the search
    documents in step. A subclass writes the rows in ``write_entries``."""

    indexer_class = None

    def add_items(self, model, objs):
        objs = list(objs)
        if not model.get_search_fields() or not objs:
            return
        invalidate_vocabulary()
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        self.write_entries(get_content_type_pk(model), indexers)
        refresh_title_norms(self)
        sync_documents(model, objs)

    def write_entries(self, content_type_pk, indexers):
        raise NotImplementedError

    def delete_item(self, item):
        invalidate_vocabulary()
        super().delete_item(item)
        remove_documents(type(item), [item])


def sync_documents(model, objs):
    """Keep :mod:`search.documents` in step with what the index just wrote."""
    from wagtail.models import Page

    if issubclass(model, Page):
        from search import documents

        documents.sync(obj.pk for obj in objs)


def remove_documents(model, objs):
    """Drop the documents of what the index just removed (pages being deleted: their
    rows may still be half there, so they are not read again)."""
    from wagtail.models import Page

    if issubclass(model, Page):
        from search.models import SearchDocument

        SearchDocument.objects.filter(page_id__in=[obj.pk for obj in objs]).delete()


# --- title norms ----------------------------------------------------------------------

_title_norms = threading.local()


@contextlib.contextmanager
def title_norms_once():
    """Refresh the index's title norms once, at the end, for bulk indexing (the import).

    After every ``add_items`` call the upstream backends refresh ``title_norm``: an
    average over every index entry, then an update of the new ones, two scans of the
    whole index that dominate indexing one page at a time in a large index. Inside this
    block the refresh is skipped and done once when the block ends (a new entry keeps
    the neutral norm 1.0 meanwhile).
    """
    if getattr(_title_norms, "pending", None) is not None:  # nested: the outer one ends it
        yield
        return
    _title_norms.pending = []
    try:
        yield
    finally:
        pending, _title_norms.pending = _title_norms.pending, None
        if pending:
            pending[0]._refresh_title_norms()


def refresh_title_norms(index):
    pending = getattr(_title_norms, "pending", None)
    if pending is None:
        index._refresh_title_norms()
    elif not pending:
        pending.append(index)


# --- vocabulary and typos ------------------------------------------------------------

_vocab_lock = threading.Lock()
_vocab_cache: dict[tuple, tuple[float, Vocabulary]] = {}


def invalidate_vocabulary() -> None:
    with _vocab_lock:
        _vocab_cache.clear()


def _read_vocabulary(alias: str) -> frozenset[str]:
    connection = connections[alias]
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT word FROM ts_stat(%s)",
                [f"SELECT to_tsvector('simple', '') || title || body FROM {table}"],
            )
        else:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_ikvocab "
                f"USING fts5vocab(main, {table}_fts, col)"
            )
            cursor.execute(
                f"SELECT DISTINCT term FROM temp.{table}_ikvocab WHERE col IN ('title', 'body')"  # noqa: S608
            )
        return frozenset(row[0] for row in cursor.fetchall())


class Vocabulary:
    """The index terms of one database, and a TypoIndex over them built on first use."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self._typo: TypoIndex | None = None

    @property
    def typo(self) -> TypoIndex:
        if self._typo is None:
            self._typo = TypoIndex(self.words)
        return self._typo


def vocabulary(alias: str) -> Vocabulary:
    """The index vocabulary of the database ``alias``, cached for a few minutes."""
    key = (alias, connections[alias].settings_dict.get("NAME"))
    now = time.monotonic()
    with _vocab_lock:
        hit = _vocab_cache.get(key)
        if hit and now - hit[0] < TYPO_CACHE_SECONDS:
            return hit[1]
    vocab = Vocabulary(_read_vocabulary(alias))
    with _vocab_lock:
        _vocab_cache[key] = (now, vocab)
    return vocab


def _corrections(word: str, vocab: Vocabulary) -> list[str]:
    """Vocabulary stems one edit away from a misspelt (normalised) word."""
    words = vocab.words
    found = vocab.typo.lookup(stem(word)) | vocab.typo.lookup(word)
    # A typo in the ending: the word is a known stem plus a near-ending.
    for cut in range(max(4, len(word) - 11), len(word) + 1):
        head, tail = word[:cut], word[cut:]
        if head in words and (tail in _ENDINGS or _ENDINGS_TYPO.lookup(tail)):
            found.add(head)
    return sorted(found, key=lambda w: (-len(w), w))[:MAX_CORRECTIONS]


def query_groups(text: str, alias: str | None) -> list[list[tuple[str, ...]]]:
    """``analyze_query`` groups, with typo corrections ORed into groups found nowhere."""
    groups = analyze_query(text)
    if alias is None or not groups:
        return groups
    vocab = vocabulary(alias)
    # analyze_query makes one group per token of tokenize(), in the same order.
    for group, token in zip(groups, tokenize(text), strict=False):
        if any(all(t in vocab.words for t in alt) for alt in group):
            continue
        for fix in _corrections(token, vocab):
            if (fix,) not in group:
                group.append((fix,))
    return groups


# --- query syntax --------------------------------------------------------------------


def fts5_expression(groups) -> str:
    if not groups:
        return f'"{_NOTHING}"'

    def alt(terms):
        inner = " AND ".join(f'"{t}"' for t in terms)
        return f"({inner})" if len(terms) > 1 else inner

    return " AND ".join("(" + " OR ".join(alt(a) for a in g) + ")" for g in groups)


def tsquery_expression(groups) -> str:
    if not groups:
        return f"'{_NOTHING}'"

    def alt(terms):
        inner = " & ".join(f"'{t}'" for t in terms)
        return f"({inner})" if len(terms) > 1 else inner

    return " & ".join("(" + " | ".join(alt(a) for a in g) + ")" for g in groups)


def groups_for(query, alias):
    """Groups of a ``PlainText`` or ``Phrase`` (a phrase: all its words, no alternatives)."""
    from modelsearch.query import Phrase

    groups = query_groups(query.query_string, alias)
    if isinstance(query, Phrase):
        return [[g[0]] for g in groups]
    if getattr(query, "operator", "and").lower() == "or" and groups:
        return [[a for g in groups for a in g]]
    return groups


def SearchBackend(params):  # noqa: N802 (Wagtail's backend-factory convention)
    """The German backend for the default database's vendor."""
    if connections["default"].vendor == "postgresql":
        from .postgres import GermanPostgresSearchBackend as backend_class
    else:
        from .sqlite import GermanSQLiteSearchBackend as backend_class
    return backend_class(params)
