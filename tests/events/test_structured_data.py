"""The schema.org ``Event`` JSON-LD of an event page."""

import datetime
import json

import pytest
from django.utils import timezone

from events.factories import EventPageFactory, EventSeriesPageFactory, berlin
from events.models import EventSpeaker
from knowledge.factories import PersonFactory, get_region
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(site_root):
    return EventSeriesPageFactory(parent=site_root["events"])


def json_ld(client, page):
    html = soup(client.get(page.url))
    (script,) = html.find_all("script", type="application/ld+json")
    return json.loads(script.string), html


def test_upcoming_event(client, series):
    speaker = PersonFactory(
        name="Julia Beispiel",
        role="CDO",
        municipality=get_region("08436064"),
        email="julia@example.org",
    )
    day = timezone.localdate() + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=series,
        title="Digitale Bauakte",
        teaser_text="Wie Ravensburg Bauanträge digital bearbeitet.",
        start=berlin(day.year, day.month, day.day, 10),
        end=berlin(day.year, day.month, day.day, 12),
        registration_url="https://anmeldung.example.org/bauakte",
        speakers=[EventSpeaker(person=speaker)],
    )
    data, html = json_ld(client, event)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Digitale Bauakte"
    assert data["description"] == "Wie Ravensburg Bauanträge digital bearbeitet."
    assert data["url"] == f"http://localhost{event.url}"
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
    assert datetime.datetime.fromisoformat(data["endDate"]) == event.end
    assert data["startDate"].startswith(f"{day.isoformat()}T10:00:00+0")  # offset, not Z
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://anmeldung.example.org/bauakte",
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Initiative K",
        "url": "http://localhost/",
    }
    assert data["performer"] == [{"@type": "Person", "name": "Julia Beispiel"}]
    assert data["inLanguage"] == "de"
    assert "julia@example.org" not in html.find("script", type="application/ld+json").string
    # the JSON-LD is the only script on the page
    assert [s.get("type") for s in html.find_all("script")] == ["application/ld+json"]


def test_summer_and_winter_offsets(client, series):
    summer = EventPageFactory(
        parent=series, start=berlin(2021, 5, 11, 10), end=berlin(2021, 5, 11, 12)
    )
    winter = EventPageFactory(
        parent=series, start=berlin(2021, 12, 7, 10), end=berlin(2021, 12, 7, 12)
    )
    assert json_ld(client, summer)[0]["startDate"] == "2021-05-11T10:00:00+02:00"
    assert json_ld(client, winter)[0]["endDate"] == "2021-12-07T12:00:00+01:00"


def test_past_event_points_at_its_page_not_the_registration(client, series):
    event = EventPageFactory(
        parent=series,
        start=berlin(2021, 5, 11, 10),
        end=berlin(2021, 5, 11, 12),
        registration_url="https://anmeldung.example.org/alt",
    )
    data, _ = json_ld(client, event)
    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://localhost{event.url}"}
    assert "performer" not in data


def test_markup_in_texts_cannot_end_the_script(client, series):
    event = EventPageFactory(
        parent=series,
        title="</script><script>alert(1)</script> & Co",
        teaser_text="<b>fett</b> & „Anführung“",
    )
    response = client.get(event.url)
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    assert "\\u003c/script\\u003e" in body.lower() and "\\u0026 co" in body.lower()
    data, _ = json_ld(client, event)
    assert data["name"] == "</script><script>alert(1)</script> & Co"
    assert data["description"] == "<b>fett</b> & „Anführung“"
