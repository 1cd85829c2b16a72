"""Factories for events and recordings, shared by the tests and ``load_demo_content``.

Event times are timezone-aware in Europe/Berlin (:func:`berlin`). Orderables are passed
to the page factories as lists of unsaved objects (``agenda=[AgendaItemFactory.build()]``)
so that they are part of the published revision; in a test,
``AgendaItemFactory(page=event)`` adds one to an existing page.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from events.models import (
    AgendaItem,
    Chapter,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventSpeaker,
    RecordingPage,
    RecordingRelatedPage,
    TranscriptSegment,
)
from home.factories import PublishedPageFactory, simple_body
from knowledge.factories import STUTTGART, PersonFactory, get_region

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year, month, day, hour=10, minute=0):
    """An aware datetime on the wall clock of Europe/Berlin."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def _in_two_weeks_at_ten():
    day = timezone.localdate() + datetime.timedelta(days=14)
    return berlin(day.year, day.month, day.day)


class VideoDocumentFactory(wagtail_factories.DocumentFactory):
    """A tiny stand-in video file in the root collection."""

    title = "Testvideo"
    file = factory.django.FileField(filename="aufzeichnung.webm", data=b"\x1aE\xdf\xa3")
    collection = factory.LazyFunction(Collection.get_first_root_node)


SAMPLE_VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v Julia Beispiel>Herzlich willkommen.\n\n"
    "00:00:05.000 --> 00:00:09.000\n<v Julia Beispiel>Unser Chatbot beantwortet Fragen.\n"
)


class CaptionsDocumentFactory(wagtail_factories.DocumentFactory):
    """A WebVTT captions file in the root collection (``file__data=b"WEBVTT..."``)."""

    title = "Untertitel"
    file = factory.django.FileField(filename="untertitel.vtt", data=SAMPLE_VTT.encode())
    collection = factory.LazyFunction(Collection.get_first_root_node)


class EventIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"
    intro = "Online-Veranstaltungen, in denen Kommunen ihre Projekte vorstellen."


class EventSeriesPageFactory(PublishedPageFactory):
    class Meta:
        model = EventSeriesPage

    title = "Initiative K Baden-Württemberg 2021"
    land = factory.LazyFunction(lambda: get_region("08"))
    period_start = datetime.date(2021, 5, 1)
    period_end = datetime.date(2021, 6, 30)
    intro = "<p>Kommunen aus Baden-Württemberg zeigen ihre Vorzeigeprojekte.</p>"


class EventPageFactory(PublishedPageFactory):
    """An event two weeks ahead, 10–12 Uhr; ``speaker_people=[person, ...]`` fills the
    speakers."""

    class Meta:
        model = EventPage

    class Params:
        speaker_people = ()

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(_in_two_weeks_at_ten)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    host_municipality = factory.LazyFunction(lambda: get_region(STUTTGART))
    teaser_text = "Kommunen stellen ihre Digitalisierungsprojekte vor."
    body = factory.LazyAttribute(lambda o: simple_body("Worum es geht", o.teaser_text))
    speakers = factory.LazyAttribute(
        lambda o: [EventSpeaker(person=person) for person in o.speaker_people]
    )


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    time = datetime.time(10, 15)
    kind = AgendaItem.Kind.IMPULSE
    title = factory.Sequence(lambda n: f"Impuls {n}")


class EventSpeakerFactory(DjangoModelFactory):
    class Meta:
        model = EventSpeaker

    person = factory.SubFactory(PersonFactory)


class RecordingPageFactory(PublishedPageFactory):
    """A recording with a stand-in video file; ``related=[page, ...]`` fills the related
    pages."""

    class Meta:
        model = RecordingPage

    class Params:
        related = ()

    title = factory.Sequence(lambda n: f"Aufzeichnung {n}")
    video_file = factory.SubFactory(VideoDocumentFactory)
    duration = 5400
    intro = "Die Aufzeichnung der Veranstaltung mit Kapiteln und Transkript."
    related_pages = factory.LazyAttribute(
        lambda o: [RecordingRelatedPage(related=page) for page in o.related]
    )


class ChapterFactory(DjangoModelFactory):
    class Meta:
        model = Chapter

    start = factory.Sequence(lambda n: n * 600)
    title = factory.Sequence(lambda n: f"Kapitel {n + 1}")


class TranscriptSegmentFactory(DjangoModelFactory):
    class Meta:
        model = TranscriptSegment

    start = factory.Sequence(lambda n: n * 30)
    speaker_name = "Moderation"
    text = "Herzlich willkommen zu unserer Veranstaltung."


class RecordingRelatedPageFactory(DjangoModelFactory):
    """``.build(related=page)`` or ``(page=recording, related=page)``."""

    class Meta:
        model = RecordingRelatedPage
