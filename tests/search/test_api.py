"""The JSON search API, ``GET /api/search/``: filters, facets, errors and its schema."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.factories import TranscriptSegmentFactory
from knowledge.factories import (
    CaseStudyPageFactory,
    get_region,
    get_themenfeld,
)
from search import query
from search.forms import SearchForm
from tests.search.conftest import AUGSBURG, MUENCHEN
from tests.utils import soup

URL = "/api/search/"


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return {r["title"] for r in data["results"]}


def facet(data, name):
    return {v["value"]: v["count"] for v in data["facets"][name]}


def this_year():
    return str(timezone.localdate().year)


# --- shape -------------------------------------------------------------------------


def test_response_shape(client, pages):
    data = get(client, q="Bauantrag", type="case_study")
    assert set(data) == {"count", "page", "page_size", "results", "facets"}
    assert (data["count"], data["page"], data["page_size"]) == (1, 1, 20)
    [result] = data["results"]
    assert result == {
        "title": "Digitaler Bauantrag",
        "url": pages["cs_muc"].url,
        "type": "case_study",
        "summary": "Der Bauantrag <online> & ohne Papier.",
        "highlight": "Der <mark>Bauantrag</mark> &lt;online&gt; &amp; ohne Papier.",
        "date": result["date"],
        "municipality": {"ags": MUENCHEN, "name": "München"},
        "land": {"code": "09", "name": "Bayern"},
        "themenfelder": [{"slug": "bauen-und-wohnen", "name": "Bauen & Wohnen"}],
        "timestamp": None,
    }
    assert result["date"].startswith(this_year())
    assert set(data["facets"]) == {"land", "themenfeld", "ozg", "type", "year", "status"}


@pytest.mark.parametrize(
    "params", [{}, {"q": "Digitaltag"}, {"land": "09", "sort": "date"}, {"q": "Bauantrag"}]
)
def test_responses_follow_the_documented_schema(client, pages, params):
    """The view renders its dict without ninja's response validation: check it here."""
    from search.api import SearchResponse

    data = get(client, **params)
    assert SearchResponse.model_validate(data).model_dump(mode="json") == data


def test_recording_takes_region_and_date_of_its_event(client, pages):
    [result] = get(client, type="recording")["results"]
    assert result["municipality"] == {"ags": MUENCHEN, "name": "München"}
    assert result["land"] == {"code": "09", "name": "Bayern"}
    assert result["date"].startswith("2021-05-11")
    assert result["summary"] == pages["recording"].intro


# --- filters -------------------------------------------------------------------------


def test_browse_without_query_lists_everything_newest_first(client, pages):
    data = get(client)
    assert data["count"] == 7
    dates = [r["date"] for r in data["results"]]
    assert dates == sorted(dates, reverse=True)
    assert [r["title"] for r in data["results"]][-3:] == [
        "Netzwerktreffen Stuttgart",
        "Aufzeichnung Digitaltag",
        "Digitaltag München",
    ]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"land": "09"}, {"cs_muc", "cs_aug", "learning", "event_muc", "recording"}),
        ({"kreis": "09162"}, {"cs_muc", "learning", "event_muc", "recording"}),
        ({"ags": AUGSBURG}, {"cs_aug"}),
        ({"themenfeld": "bauen-und-wohnen"}, {"cs_muc", "learning"}),
        ({"ozg": "10000"}, {"cs_stgt"}),
        ({"type": "event"}, {"event_muc", "event_stgt"}),
        ({"year": "2021"}, {"event_muc", "recording"}),
        ({"status": "betrieb"}, {"cs_muc", "cs_aug"}),
        ({"q": "Bauantrag"}, {"cs_muc", "learning"}),
    ],
)
def test_each_filter(client, pages, params, expected):
    data = get(client, **params)
    assert titles(data) == {pages[key].title for key in expected}
    assert data["count"] == len(expected)


def test_themenfeld_by_id(client, pages):
    data = get(client, themenfeld=str(get_themenfeld("Bauen & Wohnen").pk))
    assert titles(data) == {pages["cs_muc"].title, pages["learning"].title}


def test_values_of_one_filter_combine_with_or(client, pages):
    assert get(client, type=["event", "recording"])["count"] == 3
    assert get(client, land=["08", "09"])["count"] == 7
    assert get(client, status=["betrieb", "pilot"])["count"] == 3


def test_different_filters_combine_with_and(client, pages):
    data = get(client, land="09", type="case_study")
    assert titles(data) == {"Digitaler Bauantrag", "Kita-Portal"}
    data = get(client, land="09", type="case_study", themenfeld="familie-und-kind")
    assert titles(data) == {"Kita-Portal"}


def test_land_covers_its_kreise_and_gemeinden(client, pages):
    # München is a kreisfreie Stadt, Augsburg too; both lie in Bayern (09).
    assert get(client, land="09")["count"] == 5
    assert get(client, land="08")["count"] == 2
    assert get(client, kreis="09761")["count"] == 1


def test_sort_by_date(client, pages):
    data = get(client, q="Digitaltag", sort="date")
    assert [r["title"] for r in data["results"]] == [
        "Aufzeichnung Digitaltag",
        "Digitaltag München",
    ]


def test_pagination(client, pages):
    everything = [r["title"] for r in get(client)["results"]]
    seen = []
    for page in (1, 2, 3):
        data = get(client, page=page, page_size=3)
        assert (data["count"], data["page"], data["page_size"]) == (7, page, 3)
        seen += [r["title"] for r in data["results"]]
    assert seen == everything
    assert get(client, page=4, page_size=3)["results"] == []


def test_results_only_in_the_requested_language(client, pages, corpus_root):
    english = Locale.objects.get(language_code="en")
    corpus_root["home"].copy_for_translation(english)
    knowledge_en = corpus_root["knowledge"].copy_for_translation(english)
    CaseStudyPageFactory(parent=knowledge_en, title="Digital building permit")
    assert "Digital building permit" not in titles(get(client, lang="de"))
    data = get(client, lang="en")
    assert titles(data) == {"Digital building permit"}
    assert facet(data, "type") == {"case_study": 1}
    # without lang: the active language, here from the browser's Accept-Language
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert titles(response.json()) == {"Digital building permit"}
    assert "Digital building permit" not in titles(get(client))


# --- facets --------------------------------------------------------------------------


def test_facets_without_filters(client, pages):
    data = get(client)
    assert facet(data, "land") == {"09": 5, "08": 2}
    assert facet(data, "type") == {"case_study": 3, "learning": 1, "event": 2, "recording": 1}
    assert facet(data, "year") == {this_year(): 4, "2022": 1, "2021": 2}
    assert facet(data, "status") == {"betrieb": 2, "pilot": 1}
    assert facet(data, "themenfeld") == {"bauen-und-wohnen": 2, "familie-und-kind": 2}
    assert facet(data, "ozg") == {"10519": 1, "10000": 1, "10019": 1}
    assert "kreis" not in data["facets"]


def test_each_facet_ignores_its_own_filter(client, pages):
    data = get(client, land="09", type="case_study")
    assert data["count"] == 2
    # land: counted with type=case_study but without land=09
    assert facet(data, "land") == {"09": 2, "08": 1}
    # type: counted with land=09 but without type=case_study
    assert facet(data, "type") == {"case_study": 2, "learning": 1, "event": 1, "recording": 1}
    # the others: with both filters
    assert facet(data, "themenfeld") == {"bauen-und-wohnen": 1, "familie-und-kind": 1}
    assert facet(data, "status") == {"betrieb": 2}
    assert facet(data, "year") == {this_year(): 2}
    assert facet(data, "kreis") == {"09162": 1, "09761": 1}


def test_kreis_facet_only_with_a_land_and_ignores_kreis_filter(client, pages):
    data = get(client, land="09", kreis="09761")
    assert data["count"] == 1
    assert facet(data, "kreis") == {"09162": 4, "09761": 1}
    assert facet(data, "type") == {"case_study": 1}


def test_facets_follow_the_query(client, pages):
    data = get(client, q="Bauantrag", type="learning")
    assert data["count"] == 1
    assert facet(data, "type") == {"case_study": 1, "learning": 1}
    assert facet(data, "land") == {"09": 1}


def test_chosen_value_without_matches_is_still_listed(client, pages):
    data = get(client, type="event", status="pilot")
    assert data["count"] == 0
    # type: counted with status=pilot; status: counted with type=event (no status).
    assert facet(data, "type") == {"case_study": 1, "event": 0}
    assert facet(data, "status") == {"pilot": 0}


def test_facet_labels(client, pages):
    data = get(client, land="09")
    labels = {
        name: {v["value"]: v["label"] for v in values} for name, values in data["facets"].items()
    }
    assert labels["land"] == {"09": "Bayern", "08": "Baden-Württemberg"}
    assert labels["kreis"]["09162"].startswith("München (")
    assert labels["themenfeld"]["bauen-und-wohnen"] == "Bauen & Wohnen"
    assert labels["ozg"]["10519"] == "Bauvorbescheid und Baugenehmigung"
    assert labels["type"] == {
        "case_study": "Praxisbeispiel",
        "learning": "Learning",
        "event": "Veranstaltung",
        "recording": "Aufzeichnung",
    }
    assert labels["status"] == {"betrieb": "Im Betrieb"}
    assert labels["year"]["2021"] == "2021"


def test_kreis_labels_name_the_kind_once(client, site_root):
    CaseStudyPageFactory(parent=site_root["knowledge"], municipality=get_region("09273116"))
    data = get(client, land="09")
    labels = {v["value"]: v["label"] for v in data["facets"]["kreis"]}
    # The name says "Landkreis" already: no "Landkreis Kelheim (Landkreis)".
    assert labels["09273"] == "Landkreis Kelheim"


def test_a_title_match_ranks_above_a_mention_in_the_text(client, site_root):
    knowledge = site_root["knowledge"]
    filler = " ".join(["Die Verwaltung arbeitet an vielen Vorhaben."] * 3)
    for i in range(3):
        CaseStudyPageFactory(
            parent=knowledge,
            title=f"Bürgerportal {i}",
            teaser_text=f"{filler} Auch Wohngeld gehört dazu. {filler}",
            municipality=get_region(MUENCHEN),
        )
    CaseStudyPageFactory(
        parent=knowledge,
        title="Wohngeld digital beantragen",
        teaser_text="Ein Antrag ohne Papier.",
        municipality=get_region(AUGSBURG),
    )
    data = get(client, q="Wohngeld")
    assert data["count"] == 4
    assert data["results"][0]["title"] == "Wohngeld digital beantragen"


def test_a_hit_in_a_transcript_links_to_the_passage(client, pages):
    recording = pages["recording"]
    for start, text in (
        (12, "Willkommen zum Digitaltag."),
        (754, "Unser Chatbot beantwortet Fragen zur Sperrmüllabholung rund um die Uhr."),
        (900, "Auch der Sperrmüll-Termin wird online vergeben."),
    ):
        TranscriptSegmentFactory(page=recording, start=start, text=text)
    recording.save_revision().publish()
    data = get(client, q="Sperrmüllabholung Chatbot")
    [result] = data["results"]
    assert result["url"] == f"{recording.url}#t=754"
    assert result["timestamp"] == 754
    assert "<mark>Chatbot</mark>" in result["highlight"]
    # Pages other than recordings, and recordings found by their title, keep their URL.
    data = get(client, q="Aufzeichnung Digitaltag", type="recording")
    assert data["results"][0]["url"] == recording.url
    assert data["results"][0]["timestamp"] is None
    html = soup(client.get("/suche/", {"q": "Chatbot"}))
    link = html.select_one(".search-result .card__teaser a")
    assert link["href"].endswith("#t=754") and "12:34" in link.get_text()


def test_a_page_ranks_above_an_event_that_presents_it(client, site_root):
    """The titles of an event's agenda are not the event's own title."""
    from events.factories import AgendaItemFactory, EventPageFactory, EventSeriesPageFactory
    from events.models import AgendaItem

    title = "Chatbot im Bürgerservice"
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"], title=title, municipality=get_region(MUENCHEN)
    )
    event = EventPageFactory(
        parent=EventSeriesPageFactory(parent=site_root["events"]),
        title="Zu Gast in Gütersloh",
        teaser_text=f"Vorgestellt: {title}.",
        host_municipality=get_region(AUGSBURG),
        agenda=[
            AgendaItemFactory.build(kind=AgendaItem.Kind.IMPULSE, title=title),
            AgendaItemFactory.build(kind=AgendaItem.Kind.IMPULSE, title=f"{title}: Erfahrungen"),
        ],
    )
    event.save_revision().publish()
    data = get(client, q="Chatbot")
    assert [r["title"] for r in data["results"]][:2] == [case_study.title, event.title]


# --- errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"type": "unknown"}, "type"),
        ({"land": "99"}, "land"),
        ({"land": "9"}, "land"),
        ({"kreis": "99999"}, "kreis"),
        ({"ags": "0916200"}, "ags"),
        ({"page": "-1"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "10000"}, "page_size"),
        ({"q": "x" * 10_000}, "q"),
        ({"year": "abc"}, "year"),
        ({"themenfeld": "unbekannt"}, "themenfeld"),
        ({"ozg": "99999999"}, "ozg"),
        ({"ozg": "abc"}, "ozg"),
        ({"status": "fertig"}, "status"),
        ({"sort": "title"}, "sort"),
        ({"lang": "fr"}, "lang"),
    ],
)
def test_bad_parameter_is_a_400_naming_it(client, pages, params, parameter):
    response = client.get(URL, params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["parameter"] for e in errors] == [parameter]
    assert errors[0]["message"]
    # The form's label, as the search page shows it ("Jahr", not "year").
    assert errors[0]["label"] and errors[0]["label"] != parameter


ODD_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1e3",
    "99999999999999999999999",
    "ä",
    "🙂",
    "٠٩",
    "\x00",
    "a" * 5000,
    "' OR 1=1 --",
    '"',
    "*",
    "AND",
    "NOT",
    "NEAR(",
    "<script>",
    "%",
    "_",
]


PARAMETERS = [
    "q",
    "land",
    "kreis",
    "ags",
    "themenfeld",
    "ozg",
    "type",
    "year",
    "status",
    "sort",
    "page",
    "page_size",
    "lang",
]


def test_odd_values_never_fail(client, pages):
    names = PARAMETERS
    checked = 0
    for i, value in enumerate(ODD_VALUES):
        for name in (names[i % len(names)], names[(i + 5) % len(names)], "q"):
            response = client.get(URL, {name: value})
            assert response.status_code in (200, 400), (name, value, response.status_code)
            checked += 1
    # repeated single-valued parameters, and many values of one facet
    for params in (
        "page=1&page=2",
        "year=2021&year=abc",
        "q=a&q=b",
        "land=09&" * 50 + "type=event",
        "type=event&type=event",
        "lang=en&lang=de",
        "page_size=100&page=10000",
        "foo=bar",
        "q=%00",
        "land=%FF",
    ):
        response = client.get(f"{URL}?{params}")
        assert response.status_code in (200, 400), (params, response.status_code)
        checked += 1
    assert checked >= 50


def test_no_personal_email_in_responses(client, pages):
    for params in ({}, {"q": "Erika"}, {"q": "Bauantrag"}):
        response = client.get(URL, params)
        assert b"erika.muster@example.org" not in response.content
        assert b"@" not in response.content


# --- schema and functions without HTTP ------------------------------------------------


def test_openapi_schema(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    operation = schema["paths"]["/api/search/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names >= set(PARAMETERS)
    assert {"200", "400"} <= set(operation["responses"])


def test_no_docs_ui_loading_from_a_cdn(client, db):
    assert client.get("/api/docs/").status_code == 404
    assert client.get("/api/").status_code == 404


def test_query_functions_without_http(pages):
    form = SearchForm({"land": ["09"], "type": ["case_study", "learning"]})
    assert form.is_valid(), form.errors
    params = form.cleaned_data
    assert params["sort"] == "date"
    assert query.build_queryset(params).count() == 3
    facets = query.facet_counts(params)
    assert {v["value"]: v["count"] for v in facets["type"]}["event"] == 1
    result = query.search(params)
    assert result.count == 3


def test_highlight_escapes_then_marks():
    assert query.highlight("Bürgeramt <b>", "bürgeramt") == "<mark>Bürgeramt</mark> &lt;b&gt;"
    assert query.highlight("a & b", "") == "a &amp; b"


def test_number_of_queries_does_not_grow_with_results(client, pages, corpus_root):
    def case_study(number):
        CaseStudyPageFactory(
            parent=corpus_root["knowledge"],
            title=f"Digitaltag-Nachlese {number}",
            municipality=get_region(MUENCHEN),
            leistungen=[10519],
        )

    case_study(0)  # every facet has a value to label from the start
    get(client)  # fills the cache of site root paths, as any earlier request would
    with CaptureQueriesContext(connection) as few:
        get(client, q="Digitaltag", land="09")
    for i in range(1, 6):
        case_study(i)
    with CaptureQueriesContext(connection) as many:
        data = get(client, q="Digitaltag", land="09")
    assert data["count"] == 8
    assert len(many) == len(few)
    # 13 on SQLite at the time of writing: parameters, locale, vocabulary (2), matches
    # with their facts (1), the page's rows, regions and Themenfelder of the results
    # (3), site, the facets' labels (3)
    assert len(many) <= 16
