import datetime

import pytest
from django.utils import timezone

from events.factories import (
    ChapterFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RecordingPageFactory,
    TranscriptSegmentFactory,
    berlin,
)
from events.models import AgendaItem, EventSpeaker
from knowledge.factories import CaseStudyPageFactory, PersonFactory, get_region
from tests.utils import soup, template_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(site_root):
    return EventSeriesPageFactory(parent=site_root["events"])


@pytest.fixture
def past_event(series, site_root):
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="E-Akte Ravensburg",
        municipality=get_region("08436064"),
    )
    mayor = PersonFactory(
        name="Max Mustermann",
        role="Oberbürgermeister",
        municipality=get_region("08436064"),
        email="max@example.org",
    )
    speaker = PersonFactory(
        name="Julia Beispiel",
        role="CDO",
        municipality=get_region("08436064"),
        email="julia@example.org",
    )
    return EventPageFactory(
        parent=series,
        title="Initiative K in Ravensburg",
        start=berlin(2021, 5, 11, 10),
        end=berlin(2021, 5, 11, 12),
        host_municipality=get_region("08436064"),
        greeting_by=mayor,
        registration_url="https://anmeldung.example.org/ravensburg",
        participants_count=85,
        municipalities_count=42,
        agenda=[
            AgendaItem(
                time=datetime.time(10, 0),
                kind=AgendaItem.Kind.GREETING,
                title="Grußwort",
                speaker=mayor,
            ),
            AgendaItem(
                time=datetime.time(10, 15),
                kind=AgendaItem.Kind.IMPULSE,
                title="Die E-Akte im Rathaus",
                speaker=speaker,
                case_study=case_study,
            ),
        ],
        speakers=[EventSpeaker(person=speaker)],
    )


def test_past_event_page(client, past_event):
    response = client.get(past_event.url)
    assert "events/event_page.html" in template_names(response)
    html = soup(response)
    text = html.get_text(" ", strip=True)
    assert "Dienstag, 11. Mai 2021, 10:00" in text  # Berlin time (CEST), not UTC 08:00
    assert "Ravensburg" in text and "Max Mustermann" in text and "Oberbürgermeister" in text
    assert "Julia Beispiel" in text
    assert html.find("a", string="E-Akte Ravensburg")
    assert "85" in text and "42" in text
    assert not html.find("a", href="https://anmeldung.example.org/ravensburg")
    assert b"julia@example.org" not in response.content


def test_upcoming_event_offers_registration_and_no_counts(client, series):
    start = timezone.localtime() + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=series,
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_url="https://anmeldung.example.org/x",
        participants_count=999,
    )
    html = soup(client.get(event.url))
    assert html.find("a", href="https://anmeldung.example.org/x")
    assert "999" not in html.get_text()


def test_past_and_upcoming_follow_the_clock(series):
    now = timezone.now()
    event = EventPageFactory(
        parent=series,
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(minutes=5),
    )
    assert event.is_upcoming
    event.end = now - datetime.timedelta(seconds=1)
    assert not event.is_upcoming


def test_winter_time_is_shown_in_berlin_time(client, series):
    event = EventPageFactory(
        parent=series, start=berlin(2021, 12, 7, 10), end=berlin(2021, 12, 7, 12)
    )
    assert event.start.astimezone(datetime.UTC).hour == 9
    assert "7. Dezember 2021, 10:00" in soup(client.get(event.url)).get_text(" ", strip=True)


def test_event_index_lists_upcoming_first_then_series(client, site_root, series, past_event):
    start = timezone.localtime() + datetime.timedelta(days=10)
    upcoming = EventPageFactory(
        parent=series,
        title="Kommende Veranstaltung",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    response = client.get(site_root["events"].url)
    assert "events/event_index_page.html" in template_names(response)
    text = soup(response).get_text(" ", strip=True)
    assert text.index(upcoming.title) < text.index(series.title) < text.index(past_event.title)


def test_series_page_lists_its_events(client, series, past_event):
    response = client.get(series.url)
    assert "events/event_series_page.html" in template_names(response)
    assert past_event.title in soup(response).get_text()
    assert series.period_label == "2021"


def test_recording_page(client, past_event, site_root):
    case_study = CaseStudyPageFactory(parent=site_root["knowledge"], title="Chatbot")
    recording = RecordingPageFactory(
        parent=past_event, title="Aufzeichnung Ravensburg", duration=5400
    )
    ChapterFactory(page=recording, start=754, title="Der Chatbot", case_study=case_study)
    TranscriptSegmentFactory(
        page=recording,
        start=754,
        speaker_name="Julia Beispiel",
        text="Unser Chatbot beantwortet Fragen rund um die Uhr.",
    )
    recording.save_revision().publish()
    response = client.get(recording.url)
    assert "events/recording_page.html" in template_names(response)
    html = soup(response)
    video = html.find("video")
    assert video and video.find("source")["src"].startswith("/")
    assert html.find("a", href="#t=754")
    assert "12:34" in html.get_text()
    assert "Unser Chatbot beantwortet" in html.get_text()
    assert html.find("a", string="Chatbot") or html.find("a", href=case_study.url)
    assert "1:30:00" in html.get_text()


def test_external_video_is_only_linked(client, past_event):
    recording = RecordingPageFactory(
        parent=past_event, video_file=None, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    html = soup(client.get(recording.url))
    assert not html.find("iframe") and not html.find("video")
    assert html.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
