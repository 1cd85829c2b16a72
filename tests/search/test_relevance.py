"""Recall@10 of German search over a relevance set, per kind of query.

The pages are built once for the module. ``test_recall_per_kind`` checks the configured
(German) backend; ``test_stock_backend_falls_short`` reindexes the same pages with
Wagtail's stock database backend for this database and shows it misses what ours finds.
Both print a per-kind table, so the numbers show in CI output.
"""

import time

import pytest
from django.db import connection, transaction
from wagtail.models import Page, Site

from home.factories import paragraph_block
from knowledge.factories import CaseStudyPageFactory, get_region
from knowledge.models import CaseStudyPage
from search import query
from search.backends import invalidate_vocabulary
from search.forms import SearchForm
from tests.search.relevance_set import KINDS, MUNICIPAL_PAGES, QUERIES, corpus_pages

# Minimum recall@10 per kind for the German backend; the stock backend must stay below
# these for every kind except "exact".
THRESHOLDS = {
    "exact": 1.0,
    "inflection": 0.9,
    "compound-part": 0.9,
    "compound-whole": 0.9,
    "transliteration": 0.9,
    "typo": 0.85,
}
K = 10


@pytest.fixture(scope="module")
def relevance_pages(django_db_setup, django_db_blocker):
    """The relevance set's pages, built once; rolled back after the module."""
    from events.factories import EventIndexPageFactory  # noqa: F401 (site tree as in conftest)
    from home.factories import HomePageFactory
    from knowledge.factories import KnowledgeIndexPageFactory

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            started = time.monotonic()
            root = Page.get_first_root_node()
            home = HomePageFactory(parent=root, title="Initiative K", slug="start-relevanz")
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"root_page": home, "hostname": "localhost", "port": 80},
            )
            knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
            stuttgart = get_region("08111000")
            for title, text in corpus_pages() + MUNICIPAL_PAGES:
                CaseStudyPageFactory(
                    parent=knowledge,
                    title=title,
                    teaser_text="",
                    body=[paragraph_block(f"<p>{text}</p>")],
                    municipality=stuttgart,
                )
            build_seconds = time.monotonic() - started
            yield build_seconds
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            invalidate_vocabulary()


def recall_per_kind(search):
    """{kind: mean recall@10} and the missed queries, with ``search(q)`` → titles."""
    sums, counts, missed = dict.fromkeys(KINDS, 0.0), dict.fromkeys(KINDS, 0), []
    for kind, text, relevant in QUERIES:
        top = search(text)[:K]
        hits = sum(title in top for title in relevant)
        sums[kind] += hits / len(relevant)
        counts[kind] += 1
        if hits < len(relevant):
            missed.append((kind, text))
    return {kind: sums[kind] / counts[kind] for kind in KINDS}, missed


def print_table(capsys, label, recall, missed, seconds):
    with capsys.disabled():
        print(f"\n\nrecall@{K} per kind of query: {label} on {connection.vendor}")
        for kind in KINDS:
            n = sum(1 for k, _, _ in QUERIES if k == kind)
            print(f"  {kind:<16} {recall[kind]:5.2f}   ({n} queries)")
        print(f"  {len(QUERIES)} queries in {seconds:.2f} s; missed: {missed or 'none'}")


def titles(results):
    return [page.title for page in results]


@pytest.mark.django_db
def test_relevance_set_is_big_enough(relevance_pages):
    assert len(QUERIES) >= 40
    titles_made = set(CaseStudyPage.objects.values_list("title", flat=True))
    assert {t for _, _, relevant in QUERIES for t in relevant} <= titles_made
    assert 60 <= len(titles_made) <= 100


@pytest.mark.django_db
def test_recall_per_kind(relevance_pages, capsys):
    started = time.monotonic()
    recall, missed = recall_per_kind(lambda q: titles(CaseStudyPage.objects.live().search(q)[:K]))
    print_table(capsys, "German backend", recall, missed, time.monotonic() - started)
    with capsys.disabled():
        print(f"  (building {len(QUERIES)} queries' pages took {relevance_pages:.1f} s)")
    for kind in KINDS:
        assert recall[kind] >= THRESHOLDS[kind], (kind, missed)


@pytest.mark.django_db
def test_recall_of_the_search_api(relevance_pages, capsys):
    """The same set through what the search page and the JSON API run: the search
    documents joined with the full-text match in one statement, ranked there."""

    def api_titles(text):
        form = SearchForm({"q": text, "page_size": str(K)})
        assert form.is_valid(), form.errors
        return [result["title"] for result in query.search(form.cleaned_data).results]

    started = time.monotonic()
    recall, missed = recall_per_kind(api_titles)
    print_table(capsys, "search API", recall, missed, time.monotonic() - started)
    for kind in KINDS:
        assert recall[kind] >= THRESHOLDS[kind], (kind, missed)


@pytest.mark.django_db
def test_stock_backend_falls_short(relevance_pages, capsys):
    """The same pages and queries on Wagtail's stock backend for this database."""
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        stock = PostgresSearchBackend({})
    else:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        stock = SQLiteSearchBackend({})
    pages = list(CaseStudyPage.objects.all())
    stock.add_bulk(CaseStudyPage, pages)  # overwrites the index rows (rolled back after)
    started = time.monotonic()
    recall, missed = recall_per_kind(
        lambda q: titles(stock.search(q, CaseStudyPage.objects.live())[:K])
    )
    print_table(capsys, "stock backend", recall, missed, time.monotonic() - started)
    assert recall["exact"] >= THRESHOLDS["exact"]
    for kind in KINDS[1:]:
        assert recall[kind] < THRESHOLDS[kind], kind

    if connection.vendor == "postgresql":
        # The stock backend with PostgreSQL's own German stemming (SEARCH_CONFIG).
        german = PostgresSearchBackend({"SEARCH_CONFIG": "german"})
        german.add_bulk(CaseStudyPage, pages)
        started = time.monotonic()
        recall, missed = recall_per_kind(
            lambda q: titles(german.search(q, CaseStudyPage.objects.live())[:K])
        )
        label = "stock backend, SEARCH_CONFIG german"
        print_table(capsys, label, recall, missed, time.monotonic() - started)
        for kind in ("compound-whole", "transliteration", "typo"):
            assert recall[kind] < THRESHOLDS[kind], kind
    invalidate_vocabulary()
