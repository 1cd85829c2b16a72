"""The events' iCalendar files, read back with the ``icalendar`` library."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from events.factories import EventPageFactory, EventSeriesPageFactory, berlin
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    """``reverse()`` in German, whatever language an earlier request left active."""
    with translation.override("de"):
        yield


@pytest.fixture
def series(site_root):
    return EventSeriesPageFactory(parent=site_root["events"], title="Reihe Baden-Württemberg")


def in_days(days, hour=10):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return berlin(day.year, day.month, day.day, hour)


def event_url(event):
    return reverse("events:ical_event", args=[event.pk])


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content), response


def vevents(calendar):
    return calendar.walk("VEVENT")


def only_event(calendar):
    (event,) = vevents(calendar)
    return event


def test_single_event_file(client, series):
    event = EventPageFactory(
        parent=series,
        title="Digitale Bauakte",
        slug="digitale-bauakte",
        teaser_text="Wie Ravensburg Bauanträge digital bearbeitet.",
        registration_url="https://anmeldung.example.org/bauakte",
    )
    calendar, response = get_calendar(client, event_url(event))
    assert response["Content-Disposition"] == 'attachment; filename="digitale-bauakte.ics"'
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    vevent = only_event(calendar)
    assert vevent["UID"] == f"event-{event.translation_key}@initiative-k"
    assert vevent["SUMMARY"] == "Digitale Bauakte"
    assert vevent["DESCRIPTION"].startswith("Wie Ravensburg Bauanträge digital bearbeitet.")
    assert "https://anmeldung.example.org/bauakte" in vevent["DESCRIPTION"]
    assert vevent["URL"] == f"http://localhost{event.url}"
    assert vevent["LOCATION"] == "Online"
    assert vevent.decoded("DTSTAMP").tzinfo is not None
    assert vevent.decoded("DTSTART") == event.start
    assert vevent.decoded("DTEND") == event.end


def test_event_page_links_its_file(client, series):
    event = EventPageFactory(parent=series)
    html = soup(client.get(event.url))
    assert html.find("a", href=event_url(event))
    alternate = html.find("link", rel="alternate", type="text/calendar")
    assert alternate and alternate["href"] == event_url(event)


def test_uid_survives_editing_title_and_time(client, series):
    event = EventPageFactory(parent=series, title="Erste Fassung")
    before = only_event(get_calendar(client, event_url(event))[0])
    event.title = "Zweite Fassung"
    event.start += datetime.timedelta(days=1, hours=2)
    event.end += datetime.timedelta(days=1, hours=2)
    event.save_revision().publish()
    after = only_event(get_calendar(client, event_url(event))[0])
    assert after["SUMMARY"] == "Zweite Fassung"
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + datetime.timedelta(
        days=1, hours=2
    )
    assert after["UID"] == before["UID"]


@pytest.mark.parametrize(
    ("start", "utc_hour"),
    [(berlin(2031, 7, 1, 10), 8), (berlin(2031, 1, 14, 10), 9)],
    ids=["summer-CEST", "winter-CET"],
)
def test_times_are_in_berlin_time_with_a_vtimezone(client, series, start, utc_hour):
    event = EventPageFactory(parent=series, start=start, end=start + datetime.timedelta(hours=2))
    calendar, response = get_calendar(client, event_url(event))
    vevent = only_event(calendar)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent["DTEND"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("DTSTART").hour == 10
    assert vevent.decoded("DTSTART").astimezone(datetime.UTC).hour == utc_hour
    assert vevent.decoded("DTEND").astimezone(datetime.UTC).hour == utc_hour + 2
    assert b"DTSTART;TZID=Europe/Berlin:" in response.content
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Berlin"
    assert {c.name for c in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_special_characters_in_titles_are_escaped(client, series):
    title = 'Ämter, Bürger; Öffnung \\ "Größe"\nZweite Zeile'
    event = EventPageFactory(parent=series, title=title, teaser_text="Straße; Maß, Fuß\\")
    calendar, response = get_calendar(client, event_url(event))
    raw = response.content.decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    assert 'SUMMARY:Ämter\\, Bürger\\; Öffnung \\\\ "Größe"\\nZweite Zeile\r\n' in unfolded
    vevent = only_event(calendar)
    assert vevent["SUMMARY"] == title
    assert vevent["DESCRIPTION"] == "Straße; Maß, Fuß\\"
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))


def test_feed_of_upcoming_events(client, site_root, series):
    later = EventPageFactory(parent=series, title="Später", start=in_days(20))
    sooner = EventPageFactory(parent=series, title="Bald", start=in_days(3))
    EventPageFactory(parent=series, title="Vorbei", start=berlin(2021, 5, 11))
    draft = EventPageFactory(parent=series, title="Entwurf", start=in_days(5))
    draft.unpublish()
    other = EventSeriesPageFactory(parent=site_root["events"], title="Andere Reihe")
    elsewhere = EventPageFactory(parent=other, title="Andere", start=in_days(8))
    calendar, response = get_calendar(client, reverse("events:ical_upcoming"))
    assert "attachment" not in response.get("Content-Disposition", "")
    assert calendar["X-WR-CALNAME"] == "Initiative K – Veranstaltungen"
    assert [str(e["SUMMARY"]) for e in vevents(calendar)] == ["Bald", "Andere", "Später"]
    assert {str(e["UID"]) for e in vevents(calendar)} == {
        f"event-{e.translation_key}@initiative-k" for e in (sooner, later, elsewhere)
    }
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_an_event_is_in_the_feed_until_it_ends(client, series):
    now = timezone.now()
    EventPageFactory(
        parent=series,
        title="Läuft gerade",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(minutes=10),
    )
    EventPageFactory(
        parent=series,
        title="Eben vorbei",
        start=now - datetime.timedelta(hours=2),
        end=now - datetime.timedelta(minutes=1),
    )
    calendar, _ = get_calendar(client, reverse("events:ical_upcoming"))
    assert [str(e["SUMMARY"]) for e in vevents(calendar)] == ["Läuft gerade"]


def test_empty_feed_is_a_valid_calendar(client, site_root):
    calendar, _ = get_calendar(client, reverse("events:ical_upcoming"))
    assert vevents(calendar) == [] and calendar["X-WR-CALNAME"]


def test_series_feed_holds_only_its_series(client, site_root, series):
    past = EventPageFactory(parent=series, title="Ravensburg", start=berlin(2021, 5, 11))
    coming = EventPageFactory(parent=series, title="Ulm", start=in_days(10))
    other = EventSeriesPageFactory(parent=site_root["events"], title="Bayern 2022")
    EventPageFactory(parent=other, title="Augsburg", start=in_days(12))
    calendar, _ = get_calendar(client, reverse("events:ical_series", args=[series.pk]))
    assert calendar["X-WR-CALNAME"] == "Initiative K – Reihe Baden-Württemberg"
    assert [str(e["UID"]) for e in vevents(calendar)] == [
        f"event-{past.translation_key}@initiative-k",
        f"event-{coming.translation_key}@initiative-k",
    ]


def test_index_and_series_pages_link_their_feeds(client, site_root, series):
    feed = reverse("events:ical_upcoming")
    series_feed = reverse("events:ical_series", args=[series.pk])
    index = soup(client.get(site_root["events"].url))
    assert index.find("a", href=feed) and index.find("a", href=series_feed)
    assert index.find("link", rel="alternate", type="text/calendar")["href"] == feed
    page = soup(client.get(series.url))
    assert page.find("a", href=series_feed)
    assert page.find("link", rel="alternate", type="text/calendar")["href"] == series_feed


def test_unknown_unpublished_and_other_pages_are_404(client, site_root, series):
    event = EventPageFactory(parent=series)
    assert client.get(event_url(event)).status_code == 200
    assert client.get(reverse("events:ical_event", args=[event.pk + 1000])).status_code == 404
    # a series is not an event, an event is not a series
    assert client.get(reverse("events:ical_event", args=[series.pk])).status_code == 404
    assert client.get(reverse("events:ical_series", args=[event.pk])).status_code == 404
    event.unpublish()
    assert client.get(event_url(event)).status_code == 404
    series.unpublish()
    assert client.get(reverse("events:ical_series", args=[series.pk])).status_code == 404


def test_only_the_active_language(client, site_root, series):
    english = Locale.objects.get(language_code="en")
    for key in ("home", "events"):
        site_root[key].copy_for_translation(english).save_revision().publish()
    series_en = series.copy_for_translation(english, copy_parents=True)
    series_en.save_revision().publish()
    german = EventPageFactory(parent=series, title="Deutsche Veranstaltung")
    english_event = EventPageFactory(parent=series_en, title="English event")
    assert english_event.locale == english

    assert client.get(f"/en/kalender/veranstaltung/{english_event.pk}.ics").status_code == 200
    assert client.get(f"/en/kalender/veranstaltung/{german.pk}.ics").status_code == 404
    assert client.get(f"/kalender/veranstaltung/{english_event.pk}.ics").status_code == 404

    de_feed, _ = get_calendar(client, "/kalender/veranstaltungen.ics")
    en_feed, _ = get_calendar(client, "/en/kalender/veranstaltungen.ics")
    assert [str(e["SUMMARY"]) for e in vevents(de_feed)] == ["Deutsche Veranstaltung"]
    assert [str(e["SUMMARY"]) for e in vevents(en_feed)] == ["English event"]
    assert str(only_event(en_feed)["URL"]).startswith("http://localhost/en/")
