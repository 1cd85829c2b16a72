"""Search documents (search.documents): kept in step with the pages, and counting what
the pages themselves say."""

import itertools

import pytest
from django.core.management import call_command

from events.factories import EventPageFactory, EventSeriesPageFactory, RecordingPageFactory
from knowledge.factories import CaseStudyPageFactory, get_region, get_themenfeld
from knowledge.models import CaseStudyPage
from search import query
from search.forms import SearchForm
from search.models import SearchDocument
from tests.search.conftest import AUGSBURG, MUENCHEN, STUTTGART

FILTERS = {
    "land": [[], ["09"], ["08", "09"]],
    "type": [[], ["case_study"], ["event", "recording"]],
    "themenfeld": [[], ["bauen-und-wohnen"]],
    "status": [[], ["betrieb"]],
    "q": ["", "Bauantrag", "Digitaltag"],
}


def cleaned(data):
    form = SearchForm(data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def document(page):
    return SearchDocument.objects.get(page_id=page.pk)


def test_every_searchable_page_has_its_document(pages):
    docs = {d.page_id: d for d in SearchDocument.objects.all()}
    assert set(docs) == {p.pk for p in pages.values()}
    muc = docs[pages["cs_muc"].pk]
    assert (muc.kind, muc.land, muc.kreis, muc.ags, muc.status) == (
        "case_study",
        "09",
        "09162",
        MUENCHEN,
        "betrieb",
    )
    assert muc.ozg.split() == ["10519"]
    assert muc.summary == "Der Bauantrag <online> & ohne Papier."
    # A recording has the region and date of its event.
    recording = docs[pages["recording"].pk]
    event = docs[pages["event_muc"].pk]
    assert (recording.land, recording.ags, recording.date) == ("09", MUENCHEN, event.date)


def test_counts_agree_with_the_page_tables(pages):
    """For many filter combinations: the count, and every facet value's count, equal
    what the ORM query over the page tables (query.build_queryset) finds."""
    names = list(FILTERS)
    for values in itertools.product(*(FILTERS[n] for n in names)):
        data = {n: v for n, v in zip(names, values, strict=True) if v}
        params = cleaned(data)
        ids = query.matching_ids(params, query.get_locale(params))
        result = query.search(params)
        assert result.count == query.build_queryset(params, ids=ids).count(), data
        for facet in ("land", "type", "themenfeld", "status"):
            for value in result.facets[facet]:
                narrowed = cleaned({**data, facet: [value["value"]]})
                expected = query.build_queryset(narrowed, ids=ids).count()
                assert value["count"] == expected, (data, facet, value)


def test_publishing_writes_relations_saved_after_the_page(site_root):
    """Themenfelder are written by modelcluster after the page's post_save: the
    document and the index are brought up to date on page_published."""
    page = CaseStudyPageFactory(
        parent=site_root["knowledge"], title="Schulweg", municipality=get_region(STUTTGART)
    )
    assert document(page).themenfelder == ""
    themenfeld = get_themenfeld("Umwelt")
    page.themenfelder = [themenfeld]
    page.save_revision().publish()
    assert document(page).themenfelder == str(themenfeld.pk)
    assert page in CaseStudyPage.objects.live().search("Umwelt")
    result = query.search(cleaned({"themenfeld": ["umwelt"]}))
    assert [r["title"] for r in result.results] == ["Schulweg"]


def test_unpublish_and_delete(pages):
    page = pages["cs_aug"]
    page.unpublish()
    assert document(page).live is False
    assert "Kita-Portal" not in {r["title"] for r in query.search(cleaned({})).results}
    page.delete()
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_an_event_takes_its_recordings_along(site_root):
    series = EventSeriesPageFactory(parent=site_root["events"])
    event = EventPageFactory(parent=series, host_municipality=get_region(MUENCHEN))
    recording = RecordingPageFactory(parent=event)
    assert document(recording).land == "09"
    event.host_municipality = get_region(AUGSBURG)
    event.save_revision().publish()
    assert (document(recording).ags, document(recording).land) == (AUGSBURG, "09")
    event.host_municipality = get_region(STUTTGART)
    event.save_revision().publish()
    assert document(recording).land == "08"


@pytest.mark.django_db
def test_update_index_rebuilds_the_documents(pages):
    SearchDocument.objects.all().delete()
    assert query.search(cleaned({})).count == 0
    call_command("update_index", verbosity=0)
    assert query.search(cleaned({})).count == len(pages)


def test_migrate_fills_the_documents_of_a_database_without_any(pages):
    from django.core.management.sql import emit_post_migrate_signal

    SearchDocument.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert SearchDocument.objects.count() == len(pages)
    # With documents present it leaves them alone.
    SearchDocument.objects.filter(page_id=pages["cs_aug"].pk).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert SearchDocument.objects.count() == len(pages) - 1
