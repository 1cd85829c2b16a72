"""Wagtail's page API v2 at /api/v2/: read-only, live public pages only, no personal data."""

import json

import pytest
from django.contrib.auth import get_user_model

from events.factories import (
    AgendaItemFactory,
    ChapterFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RecordingPageFactory,
)
from tests.knowledge.test_feeds import CONTACT_EMAIL, module_corpus

API = "/api/v2/pages/"


def add_event(data):
    series = EventSeriesPageFactory(parent=data["events"])
    event = EventPageFactory(
        parent=series,
        title="Digitale Bauakte",
        greeting_by=data["contact"],
        speaker_people=[data["contact"]],
        agenda=[AgendaItemFactory.build(title="Impuls Bauakte", speaker=data["contact"])],
    )
    recording = RecordingPageFactory(
        parent=event, title="Aufzeichnung Bauakte", chapters=[ChapterFactory.build()]
    )
    data.update(event=event, recording=recording)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_corpus(django_db_blocker, extend=add_event) as data:
        yield data


def get(client, query="", status=200):
    response = client.get(API + query)
    assert response.status_code == status, (query, response.content[:300])
    assert CONTACT_EMAIL not in response.content.decode()
    return json.loads(response.content)


def ids(data):
    return {item["id"] for item in data["items"]}


def test_lists_live_public_pages_only(client, db, corpus):
    listed = ids(get(client, "?limit=20"))
    for name in ("stuttgart", "muenchen", "learning", "stuttgart_en", "event", "recording"):
        assert corpus[name].pk in listed, name
    for page in corpus["hidden"]:
        assert page.pk not in listed, page.title
        get(client, f"{page.pk}/", status=404)
    # A logged-in user does not see login-restricted pages through the API either.
    user = get_user_model().objects.create_user("leser", password="x")
    client.force_login(user)
    assert corpus["members"].pk not in ids(get(client, "?limit=20"))
    get(client, f"{corpus['members'].pk}/", status=404)


def test_case_study_detail(client, db, corpus):
    page = corpus["stuttgart"]
    data = get(client, f"{page.pk}/")
    assert data["title"] == page.title
    assert data["meta"]["type"] == "knowledge.CaseStudyPage"
    assert data["meta"]["html_url"] == page.full_url
    assert data["municipality"] == {"ags": "08111000", "name": "Stuttgart", "level": "gemeinde"}
    assert data["land"]["ags"] == "08"
    assert data["themenfelder"] == [{"slug": "bauen-und-wohnen", "name": "Bauen & Wohnen"}]
    assert data["ozg_leistungen"][0]["ozg_id"] == 10519
    assert data["reuse_links"] == [{"ags": "08115021", "name": "Herrenberg", "level": "gemeinde"}]
    assert data["status"] == "betrieb" and data["source_license"].startswith("CC BY")
    for private in ("contact_person", "editor_notes", "owner", "import_key"):
        assert private not in data
    text = json.dumps(data, ensure_ascii=False)
    assert "Kim Kontakt" not in text and "INTERNE-NOTIZ" not in text


def test_fields_filter_and_type(client, db, corpus):
    data = get(client, "?type=knowledge.CaseStudyPage&fields=municipality,status&status=betrieb")
    assert ids(data) == {corpus["stuttgart"].pk, corpus["muenchen"].pk, corpus["stuttgart_en"].pk}
    assert set(data["items"][0]) == {"id", "meta", "title", "municipality", "status"}
    german_only = get(client, "?type=knowledge.CaseStudyPage&locale=de")
    assert ids(german_only) == {corpus["stuttgart"].pk, corpus["muenchen"].pk}
    # Every field at once: still nothing personal.
    everything = get(client, "?type=knowledge.CaseStudyPage&fields=*")
    assert "contact_person" not in everything["items"][0]
    event = get(client, f"{corpus['event'].pk}/")
    assert event["agenda"] == [{"time": "10:15", "kind": "impuls", "title": "Impuls Bauakte"}]
    assert "greeting_by" not in event and "speakers" not in event
    assert "Kim Kontakt" not in json.dumps(event, ensure_ascii=False)
    recording = get(client, f"{corpus['recording'].pk}/")
    assert recording["chapters"][0]["title"] and recording["duration"] == 5400


@pytest.mark.parametrize(
    "query",
    [
        "?fields=owner",
        "?fields=contact_person",
        "?type=knowledge.CaseStudyPage&fields=editor_notes",
        "?type=knowledge.CaseStudyPage&fields=municipality(code)",
        "?fields=title,(",
        "?type=gibt.EsNicht",
        "?type=knowledge.Person",
        "?limit=abc",
        "?limit=-1",
        "?limit=1000",
        "?offset=x",
        "?order=owner",
        "?owner=1",
        "?type=knowledge.CaseStudyPage&contact_person=1",
        "?child_of=abc",
    ],
)
def test_bad_parameters_are_400(client, db, corpus, query):
    data = get(client, query, status=400)
    assert data["message"]


def test_unknown_locale_is_404_with_message(client, db, corpus):
    assert get(client, "?locale=xx", status=404)["message"]


def test_read_only(client, db, corpus):
    assert client.post(API, {"title": "x"}).status_code == 405
    assert client.delete(f"{API}{corpus['stuttgart'].pk}/").status_code == 405
