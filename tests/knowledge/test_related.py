"""Related content ("Verwandte Inhalte") of case studies and learnings: ranking,
reasons, and a fixed number of queries whatever the number of candidates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventPageFactory, EventSeriesPageFactory
from events.models import AgendaItem
from knowledge import related
from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    get_region,
    get_themenfeld,
)
from tests.conftest import ensure_reference_data, module_transaction
from tests.knowledge.test_profiles import build_site
from tests.utils import soup

pytestmark = pytest.mark.django_db


def build_corpus():
    ensure_reference_data()
    _home, knowledge, events = build_site()
    bauen, familie = get_themenfeld("Bauen & Wohnen"), get_themenfeld("Familie & Kind")

    def case_study(title, code, **kwargs):
        return CaseStudyPageFactory(
            parent=knowledge, title=title, municipality=get_region(code), **kwargs
        )

    page = case_study("Bauantrag Herrenberg", "08115021", leistungen=[10519])
    data = {
        "page": page,
        "leistung": case_study("Bauantrag Erding", "09177117", leistungen=[10519]),
        "themenfeld": case_study("Wohnen in Köln", "05315000", themenfelder=[bauen]),
        "kreis": case_study("Kita Böblingen", "08115003", themenfelder=[familie]),
        "land": case_study("Kita Nürtingen", "08116049", themenfelder=[familie]),
        "unrelated": case_study("Kita Erding", "09177117", themenfelder=[familie]),
    }
    draft = case_study("Entwurf Bauantrag", "09177117", leistungen=[10519])
    draft.unpublish()
    series = EventSeriesPageFactory(parent=events)
    EventPageFactory(
        parent=series,
        title="Treffen in Stuttgart",
        agenda=[AgendaItem(title="Digitaler Bauantrag", case_study=page)],
    )
    data["learning"] = LearningPageFactory(
        parent=knowledge,
        title="Früh die Bauämter einbinden",
        municipality=get_region("08115021"),
        themenfelder=[bauen],
        case_studies=[page],
    )
    data["knowledge"] = knowledge
    return data


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_corpus()


def titles(items):
    return [item.page.title for item in items]


def test_case_study_ranking_and_reasons(client, corpus):
    page = corpus["page"]
    context = page.get_context(None)
    items = context["related_case_studies"]
    assert titles(items) == [
        "Bauantrag Erding",
        "Wohnen in Köln",
        "Kita Böblingen",
        "Kita Nürtingen",
    ]
    assert items[0].reasons == [
        "gleiche OZG-Leistung: Bauvorbescheid und Baugenehmigung",
        "gleiches Themenfeld: Bauen & Wohnen",
    ]
    assert items[1].reasons == ["gleiches Themenfeld: Bauen & Wohnen"]
    assert items[2].reasons == ["gleicher Kreis: Landkreis Böblingen"]
    assert items[3].reasons == ["gleiches Land: Baden-Württemberg"]
    # One block on the page: presented in, and the similar case studies with reasons.
    block = soup(client.get(page.url)).select_one("section.related-content")
    assert block.h2.get_text(strip=True) == "Verwandte Inhalte"
    headings = [h.get_text(strip=True) for h in block.find_all("h3")]
    assert headings == [
        "Vorgestellt in",
        "Learnings aus diesem Projekt",
        "Ähnliche Praxisbeispiele",
    ]
    assert block.find("a", href=corpus["leistung"].url)
    assert "gleicher Kreis: Landkreis Böblingen" in block.get_text(" ")
    assert "Entwurf Bauantrag" not in block.get_text(" ") and "Kita Erding" not in block.get_text()


def test_learning_related_and_explicit_case_studies(client, corpus):
    learning = corpus["learning"]
    context = learning.get_context(None)
    assert [c.title for c in context["case_studies"]] == ["Bauantrag Herrenberg"]
    items = context["related_case_studies"]
    # Its own case study is listed once, as "Zugehörige"; the others by Themenfeld and
    # place (a tie goes to the newer one).
    assert titles(items) == [
        "Wohnen in Köln",
        "Bauantrag Erding",
        "Kita Böblingen",
        "Kita Nürtingen",
    ]
    assert items[2].reasons == ["gleicher Kreis: Landkreis Böblingen"]
    block = soup(client.get(learning.url)).select_one("section.related-content")
    headings = [h.get_text(strip=True) for h in block.find_all("h3")]
    assert headings == ["Zugehörige Praxisbeispiele", "Ähnliche Praxisbeispiele"]


def page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_the_candidates(client, corpus):
    page, knowledge = corpus["page"], corpus["knowledge"]
    bauen = get_themenfeld("Bauen & Wohnen")
    counts = {}
    extra = []
    for n in (2, 10):
        while len(extra) < n:
            extra.append(
                CaseStudyPageFactory(
                    parent=knowledge,
                    municipality=get_region("08115045"),
                    leistungen=[10519],
                    themenfelder=[bauen],
                )
            )
        arguments = {
            "leistungen": [link.leistung for link in page.ozg_leistungen.all()],
            "themenfelder": list(page.themenfelder.all()),
            "region": page.get_region_with_parents(),
        }
        with CaptureQueriesContext(connection) as ctx:
            found = related.for_case_study(page, **arguments)
        assert len(found) == related.LIMIT
        counts[n] = (len(ctx.captured_queries), page_queries(client, page.url))
    assert counts[2] == counts[10]
