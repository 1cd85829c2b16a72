"""What a visitor sees of events: the overview, an event page, and that neither outlives
an event's end in the page cache."""

import datetime
import time

import pytest
from django.utils import timezone

from events.factories import EventPageFactory, EventSeriesPageFactory, berlin
from events.models import AgendaItem, EventSpeaker
from knowledge.factories import CaseStudyPageFactory, PersonFactory, get_region
from tests.utils import facts, soup

pytestmark = pytest.mark.django_db


def in_days(days, hour=10):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return berlin(day.year, day.month, day.day, hour)


def text_of(response):
    return soup(response).get_text(" ", strip=True)


@pytest.fixture
def two_series(site_root):
    bw = EventSeriesPageFactory(
        parent=site_root["events"],
        title="Reihe Baden-Württemberg",
        land=get_region("08"),
        period_start=datetime.date(2021, 5, 1),
        period_end=datetime.date(2021, 6, 30),
    )
    by = EventSeriesPageFactory(
        parent=site_root["events"],
        title="Reihe Bayern",
        land=get_region("09"),
        period_start=datetime.date(2022, 10, 1),
        period_end=datetime.date(2023, 3, 31),
    )
    return bw, by


def test_index_upcoming_soonest_first_then_past_by_series_newest_first(
    client, site_root, two_series
):
    bw, by = two_series
    EventPageFactory(parent=bw, title="Ravensburg", start=berlin(2021, 5, 11))
    EventPageFactory(parent=bw, title="Ulm", start=berlin(2021, 6, 8))
    EventPageFactory(parent=by, title="Augsburg", start=berlin(2022, 11, 15))
    EventPageFactory(parent=bw, title="Bald in Freiburg", start=in_days(20))
    EventPageFactory(parent=by, title="Bald in Passau", start=in_days(5))
    html = soup(client.get(site_root["events"].url))

    upcoming = html.find(id="upcoming-heading").find_parent("section")
    titles = [h.get_text(strip=True) for h in upcoming.select(".card__title")]
    assert titles == ["Bald in Passau", "Bald in Freiburg"]

    series = html.find(id="series-heading").find_parent("section").select("section.series")
    assert [s.select_one(".series__title").get_text(strip=True) for s in series] == [
        "Reihe Bayern",  # 2022/23 before 2021
        "Reihe Baden-Württemberg",
    ]
    assert "Bayern" in series[0].select_one(".series__meta").get_text()
    assert "2022/23" in series[0].select_one(".series__meta").get_text()
    assert "Baden-Württemberg" in series[1].select_one(".series__meta").get_text()
    past = [[a.get_text(strip=True) for a in s.select(".event-list a")] for s in series]
    assert past == [["Augsburg"], ["Ulm", "Ravensburg"]]  # upcoming ones not among the past


@pytest.fixture
def event_parts(site_root):
    ravensburg = get_region("08436064")
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"], title="E-Akte Ravensburg", municipality=ravensburg
    )
    mayor = PersonFactory(name="Max Mustermann", role="Oberbürgermeister", municipality=ravensburg)
    speaker = PersonFactory(name="Julia Beispiel", role="CDO", municipality=ravensburg)
    return {
        "host_municipality": ravensburg,
        "greeting_by": mayor,
        "registration_url": "https://anmeldung.example.org/ravensburg",
        "participants_count": 85,
        "municipalities_count": 42,
        "agenda": [
            AgendaItem(kind=AgendaItem.Kind.GREETING, title="Begrüßung", speaker=mayor),
            AgendaItem(
                kind=AgendaItem.Kind.IMPULSE,
                title="Die E-Akte im Rathaus",
                speaker=speaker,
                case_study=case_study,
            ),
        ],
        "speakers": [EventSpeaker(person=speaker)],
        "case_study": case_study,
    }


def test_event_page_shows_host_greeting_speakers_and_linked_impulses(
    client, site_root, event_parts
):
    series = EventSeriesPageFactory(parent=site_root["events"])
    case_study = event_parts.pop("case_study")
    event = EventPageFactory(
        parent=series, start=berlin(2021, 5, 11, 16, 30), end=berlin(2021, 5, 11, 18), **event_parts
    )
    html = soup(client.get(event.url))
    box = facts(html)
    assert box["Wann"].startswith("Dienstag, 11. Mai 2021, 16:30 bis 18:00 Uhr")
    assert box["Gastgeber"].startswith("Ravensburg")
    assert box["Grußwort"].replace(" ,", ",") == "Max Mustermann, Oberbürgermeister, Ravensburg"
    speakers = html.find(id="speakers-heading").find_parent("section")
    assert speakers.select_one(".person").get_text(strip=True) == "Julia Beispiel,CDO,Ravensburg"
    impulse = html.select_one(".agenda__item--impuls")
    assert impulse.find("a", href=case_study.url).get_text(strip=True) == "E-Akte Ravensburg"
    assert not html.select_one(".agenda__item--grusswort a")


def test_registration_while_upcoming_counts_once_past(client, site_root, event_parts, monkeypatch):
    series = EventSeriesPageFactory(parent=site_root["events"])
    event_parts.pop("case_study")
    start = timezone.now() + datetime.timedelta(days=1)
    event = EventPageFactory(
        parent=series, start=start, end=start + datetime.timedelta(hours=2), **event_parts
    )
    box = facts(soup(client.get(event.url)))
    assert "Anmeldung" in box and "Teilnehmende" not in box
    assert "Teilnehmende Kommunen" not in box

    # a day and a half later, with no edit in between
    later = timezone.now() + datetime.timedelta(days=1, hours=12)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = soup(client.get(event.url))
    box = facts(html)
    assert "Anmeldung" not in box
    assert not html.find("a", href="https://anmeldung.example.org/ravensburg")
    assert box["Teilnehmende"] == "85" and box["Teilnehmende Kommunen"] == "42"


@pytest.fixture
def page_cache_on(settings):
    from home.page_cache import purge

    settings.PAGE_CACHE_SECONDS = 300
    purge()
    yield
    purge()


def test_cached_pages_expire_when_an_event_ends(client, site_root, page_cache_on):
    series = EventSeriesPageFactory(parent=site_root["events"])
    now = timezone.now()
    event = EventPageFactory(
        parent=series,
        title="Endet gleich",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(seconds=2),
        registration_url="https://anmeldung.example.org/gleich",
    )
    index = site_root["events"]
    urls = [event.url, index.url, series.url, site_root["home"].url]
    first = {url: client.get(url) for url in urls}
    assert all(r["X-Page-Cache"] == "miss" for r in first.values())
    assert soup(first[event.url]).find("a", href=event.registration_url)
    upcoming = soup(first[index.url]).find(id="upcoming-heading").find_parent("section")
    assert "Endet gleich" in upcoming.get_text()
    assert client.get(event.url)["X-Page-Cache"] == "hit"

    time.sleep(max(0, (event.end - timezone.now()).total_seconds()) + 1.1)

    after = {url: client.get(url) for url in urls}
    assert all(r["X-Page-Cache"] == "miss" for r in after.values())
    assert not soup(after[event.url]).find("a", href=event.registration_url)
    upcoming = soup(after[index.url]).find(id="upcoming-heading").find_parent("section")
    assert "Endet gleich" not in upcoming.get_text()
    # past pages are cached for the usual time again
    assert client.get(event.url)["X-Page-Cache"] == "hit"
