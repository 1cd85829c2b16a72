"""What is indexed: everything a visitor would search for, nothing internal."""

import pytest

from events.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    RecordingPageFactory,
    TranscriptSegmentFactory,
)
from events.models import EventPage, RecordingPage
from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    PersonFactory,
    get_region,
)
from knowledge.models import CaseStudyPage, LearningPage, Person

pytestmark = pytest.mark.django_db


def field_names(model):
    names = set()

    def walk(fields, prefix=""):
        for f in fields:
            name = prefix + f.field_name
            names.add(name)
            walk(getattr(f, "fields", []), name + ".")

    walk(model.get_search_fields())
    return names


@pytest.mark.parametrize("model", [CaseStudyPage, LearningPage, EventPage, RecordingPage])
def test_internal_fields_are_never_indexed(model):
    names = field_names(model)
    assert not {n for n in names if "editor_notes" in n or "email" in n or "contact" in n}


def test_person_email_is_not_indexed():
    assert "email" not in field_names(Person)


def test_case_study_found_by_municipality_themenfeld_and_leistung(site_root):
    page = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Antragsstrecke",
        teaser_text="Ein Projekt.",
        municipality=get_region("08436064"),  # Ravensburg
        leistungen=[10000],  # Elterngeld, Familie & Kind
        contact_person=PersonFactory(email="geheim.adresse@example.org"),
        editor_notes="Vertraulicher Vermerk Zwetschgenkuchen",
    )
    live = CaseStudyPage.objects.live()
    for query in ("Ravensburg", "Elterngeld", "Familie", "Baden-Württemberg"):
        assert page in live.search(query), query
    for query in ("Zwetschgenkuchen", "geheim.adresse"):
        assert page not in live.search(query), query


def test_learning_found_by_municipality(site_root):
    page = LearningPageFactory(
        parent=site_root["knowledge"], title="Früh testen", municipality=get_region("05762")
    )
    assert page in LearningPage.objects.live().search("Höxter")


def test_recording_found_by_transcript_and_event_by_host(site_root):
    series = EventSeriesPageFactory(parent=site_root["events"])
    event = EventPageFactory(
        parent=series, title="Treffen", host_municipality=get_region("08326074")
    )
    recording = RecordingPageFactory(parent=event, title="Aufzeichnung")
    TranscriptSegmentFactory(
        page=recording, start=60, text="Unser Chatbot beantwortet Fragen zur Sperrmüllabholung."
    )
    recording.save_revision().publish()
    assert recording in RecordingPage.objects.live().search("Sperrmüllabholung")
    assert event in EventPage.objects.live().search("Villingen-Schwenningen")
