"""German search on the configured database backend (SQLite or PostgreSQL)."""

import pytest
from django.db import connection, transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.factories import paragraph_block
from knowledge.factories import CaseStudyPageFactory, get_region
from knowledge.models import CaseStudyPage
from search.backends import (
    fts5_expression,
    invalidate_vocabulary,
    query_groups,
    tsquery_expression,
)

pytestmark = pytest.mark.django_db

PAGES = {
    "bau": (
        "Digitale Baugenehmigungen im Landratsamt",
        "Bauanträge werden online eingereicht; die Baugenehmigungen kommen per Post.",
    ),
    "wohngeld": (
        "Wohngeldantrag in fünf Minuten",
        "Der Wohngeldantrag lässt sich vollständig online stellen.",
    ),
    "antrag": (
        "Wohngeld digital beantragen",
        "Anträge auf Wohngeld prüft die Wohngeldstelle digital.",
    ),
    "rad": (
        "Radverkehr zählen",
        "Zählstellen für den Radverkehr liefern offene Daten.",
    ),
    "amt": (
        "Termin im Bürgeramt",
        "Das Bürgeramt vergibt Termine über eine Warteschlange.",
    ),
    "strasse": (
        "Straßenreinigung per App melden",
        "Verschmutzte Straße melden: die Straßenreinigung kommt.",
    ),
    "kfz": (
        "Kfz-Zulassung ohne Wartezeit",
        "Die Zulassungsstelle bearbeitet Kfz-Zulassungen vollständig digital.",
    ),
}


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """A site with the pages above, built once for the module and rolled back after it."""
    from home.factories import HomePageFactory
    from knowledge.factories import KnowledgeIndexPageFactory

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home = HomePageFactory(
                parent=Page.get_first_root_node(), title="Initiative K", slug="start-suche"
            )
            knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
            stuttgart = get_region("08111000")
            made = {
                key: CaseStudyPageFactory(
                    parent=knowledge,
                    title=title,
                    teaser_text=text[:80],
                    body=[paragraph_block(f"<p>{text}</p>")],
                    municipality=stuttgart,
                )
                for key, (title, text) in PAGES.items()
            }
            yield {"knowledge": knowledge, "pages": made}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            invalidate_vocabulary()


@pytest.fixture
def pages(tree, db):
    yield tree["pages"]
    invalidate_vocabulary()  # this test's own changes are rolled back


def found(query, model=CaseStudyPage):
    return {p.title for p in model.objects.live().search(query)}


def test_configured_backend_matches_database():
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        from search.backends.postgres import GermanPostgresSearchBackend

        assert isinstance(backend, GermanPostgresSearchBackend)
        assert backend.config == "simple"
    else:
        from search.backends.sqlite import GermanSQLiteSearchBackend

        assert isinstance(backend, GermanSQLiteSearchBackend)


@pytest.mark.parametrize(
    "query, key",
    [
        ("Baugenehmigung", "bau"),
        ("baugenehmigungen", "bau"),
        ("Wohngeld", "wohngeld"),
        ("Wohngeldantrag", "antrag"),
        ("Radverkehrsnetz", "rad"),
        ("Buergeramt", "amt"),
        ("Bürgeramt", "amt"),
        ("Burgeramt", "amt"),
        ("Strasse", "strasse"),
        ("Straßenreinigung", "strasse"),
        ("Kfz Zulassung", "kfz"),
        ("Kfz-Zulassung", "kfz"),
        ("Zulassung", "kfz"),
        ("Antrag Wohngeld", "antrag"),
    ],
)
def test_issue_pairs_are_found(pages, query, key):
    assert PAGES[key][0] in found(query)


def test_wohngeld_finds_both_ways(pages):
    assert {PAGES["wohngeld"][0], PAGES["antrag"][0]} <= found("Wohngeld")
    assert PAGES["wohngeld"][0] in found("Wohngeldantrag")


@pytest.mark.parametrize("query", ["Kindergarten", "Müllabfuhr", "Hundesteuer"])
def test_unrelated_words_find_nothing(pages, query):
    assert found(query) == set()


def test_all_words_must_match(pages):
    assert found("Bürgeramt Radverkehr") == set()
    assert found("Bürgeramt Termin") == {PAGES["amt"][0]}


@pytest.mark.parametrize(
    "query, key",
    [
        ("Baugenehmigugn", "bau"),  # transposition in the ending
        ("Baugenehmigng", "bau"),  # deletion in the ending
        ("Bürgerant", "amt"),
        ("Straßenreinigunh", "strasse"),
        ("Zulassunsgstelle", "kfz"),
        ("Radverkher", "rad"),
    ],
)
def test_one_typo_still_finds_the_page(pages, query, key):
    assert PAGES[key][0] in found(query)


def test_typo_correction_follows_index_updates(pages, tree):
    assert found("Glasfaserausbau") == set()
    assert found("Glasfaserausbua") == set()
    CaseStudyPageFactory(
        parent=tree["knowledge"],
        title="Glasfaserausbau im Landkreis",
        body=[paragraph_block("<p>Breitband für alle Schulen.</p>")],
    )
    assert found("Glasfaserausbua") == {"Glasfaserausbau im Landkreis"}


def test_page_search_and_wagtail_query_objects(pages):
    from wagtail.search.query import And, Not, Phrase, PlainText

    assert PAGES["amt"][0] in {p.title for p in Page.objects.live().search("Bürgerämter")}
    assert PAGES["amt"][0] in found(Phrase("Termin im Bürgeramt"))
    assert found(PlainText("Bürgeramt Radverkehr", operator="or")) == {
        PAGES["amt"][0],
        PAGES["rad"][0],
    }
    assert PAGES["amt"][0] not in found(And([PlainText("digital"), Not(PlainText("Bürgeramt"))]))


def test_stop_words_only_query_finds_nothing(pages):
    assert found("und der die") == set()


def test_autocomplete_still_works(pages):
    titles = {p.title for p in CaseStudyPage.objects.live().autocomplete("Bürger")}
    assert PAGES["amt"][0] in titles


def test_query_syntax():
    groups = [[("wohngeld",), ("wohn", "geld")], [("antrag",)]]
    assert fts5_expression(groups) == '("wohngeld" OR ("wohn" AND "geld")) AND ("antrag")'
    assert tsquery_expression(groups) == "('wohngeld' | ('wohn' & 'geld')) & ('antrag')"
    assert query_groups("und", None) == []
    assert fts5_expression([]) and tsquery_expression([])


def test_related_fields_are_analysed_once(pages):
    """The municipality's name (a RelatedFields sub-field) is analysed exactly once."""
    from search.backends import analyze_for_index

    if connection.vendor == "postgresql":
        from search.backends.postgres import GermanPostgresObjectIndexer as Indexer
    else:
        from search.backends.sqlite import GermanSQLiteObjectIndexer as Indexer

    page = pages["bau"].specific
    indexer = Indexer(page, get_search_backend())
    field = next(f for f in page.get_search_fields() if f.field_name == "municipality")
    values = [item[-1] for item in indexer.prepare_field(page, field)]
    assert values == [analyze_for_index(page.municipality.short_name)]
    assert "Stuttgart" in page.municipality.short_name
    assert PAGES["bau"][0] in found("Stuttgart Baugenehmigungen")
    title = next(f for f in page.get_search_fields() if f.field_name == "title")
    assert [item[-1] for item in indexer.prepare_field(page, title)] == [
        analyze_for_index(page.title)
    ]
    if connection.vendor == "postgresql":
        assert indexer.title_text == page.title  # raw text for Fuzzy queries


@pytest.mark.parametrize(
    "query",
    ['"Bürgeramt" OR (Termin', "Bürgeramt'; DROP TABLE x; --", "NEAR(a b) * ^ : !", "  ", "Ω"],
)
def test_query_syntax_characters_are_harmless(pages, query):
    result = found(query)
    assert result <= {PAGES["amt"][0]} or not query.strip()
