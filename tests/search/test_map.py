"""The Länder map on the home page and the search page: the site's own SVG with German
names, shaded by case studies, event markers, the same numbers in a table, following
the search's filters, in fixed queries."""

import csv
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve
from django.db import connection
from django.templatetags.static import static
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from events.factories import EventIndexPageFactory, EventPageFactory, EventSeriesPageFactory
from home.factories import HomePageFactory
from knowledge.factories import (
    CaseStudyPageFactory,
    KnowledgeIndexPageFactory,
    get_region,
    get_themenfeld,
)
from search import map as laender
from tests.conftest import ensure_reference_data, module_transaction
from tests.utils import soup

pytestmark = pytest.mark.django_db

MUENCHEN, AUGSBURG, STUTTGART, KOELN = "09162000", "09761000", "08111000", "05315000"
# the copy of ../shared/data that the repository ships (load_reference_data reads it)
LAENDER_CSV = Path(settings.BASE_DIR) / "knowledge" / "data" / "regions" / "laender.csv"


def build_site():
    ensure_reference_data()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Initiative K", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "IK"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
    events = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    bauen = get_themenfeld("Bauen & Wohnen")
    # Bayern 3 (one on Bauen & Wohnen), Baden-Württemberg 1 (Bauen & Wohnen), NRW none.
    for code, themen in ((MUENCHEN, [bauen]), (MUENCHEN, []), (AUGSBURG, []), (STUTTGART, [bauen])):
        CaseStudyPageFactory(parent=knowledge, municipality=get_region(code), themenfelder=themen)
    series = EventSeriesPageFactory(parent=events)
    for code in (MUENCHEN, KOELN):
        EventPageFactory(parent=series, host_municipality=get_region(code))
    return {"knowledge": knowledge, "bauen": bauen}


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_site()


def land_map(html):
    """``{code: {"href", "shade", "title"}}`` of the map's Länder."""
    found = {}
    for link in html.select("svg.laender-map__svg a.laender-map__land"):
        shade = re.search(r"laender-map__land--(\d)", " ".join(link["class"])).group(1)
        found[link["data-land"]] = {
            "href": link["href"],
            "shade": int(shade),
            "title": link.title.get_text(),
        }
    return found


def markers(html):
    return {
        g["data-land"]: int(g.get_text(strip=True)) for g in html.select("g.laender-map__event")
    }


def table(html):
    """``{Land name: (case studies, events)}`` and the rows' links by name."""
    rows, links = {}, {}
    for row in html.select(".laender-map__table tbody tr"):
        cells = [td.get_text(strip=True) for td in row.find_all("td")]
        name = row.th.a.get_text(strip=True)
        rows[name] = (int(cells[0]), int(cells[1]))
        links[name] = row.th.a["href"]
    return rows, links


def query_of(href):
    return parse_qs(urlsplit(href).query)


def test_svg_is_the_sites_own_static_file_with_german_names_and_credit(db):
    path = finders.find("maps/germany-laender.svg")
    assert Path(path) == Path(settings.BASE_DIR) / "static" / "maps" / "germany-laender.svg"
    assert static("maps/germany-laender.svg") == "/static/maps/germany-laender.svg"
    response = serve(RequestFactory().get("/"), "maps/germany-laender.svg", insecure=True)
    content = b"".join(response.streaming_content).decode()
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert "Karte: svg-maps (CC BY 4.0)" in content
    names = dict(re.findall(r'id="(\w\w)"\s+aria-label="([^"]+)"', content))
    with open(LAENDER_CSV, encoding="utf-8") as f:
        official = {row["land_code"]: row["name"] for row in csv.DictReader(f)}
    assert {laender.LAND_CODES[abbr]: name for abbr, name in names.items()} == official
    assert "Bavaria" not in content and "Wurttemberg" not in content
    # Every Land's numbers sit inside the Land (Brandenburg's centroid lies in Berlin).
    shapes = laender.outline().shapes
    assert len(shapes) == 16
    for shape in shapes:
        assert laender._inside((shape.x, shape.y), laender.parse_path(shape.d)), shape.name


def test_home_map_shades_marks_and_tabulates(client, corpus):
    html = soup(client.get("/"))
    section = html.select_one("section.laender-map")
    assert section.h2.get_text(strip=True) == "Praxisbeispiele nach Ländern"
    lands = land_map(html)
    assert len(lands) == 16
    for code, land in lands.items():
        assert urlsplit(land["href"]).path == "/suche/"
        assert query_of(land["href"]) == {"land": [code]}
    assert lands["09"]["shade"] > lands["08"]["shade"] > 0 == lands["05"]["shade"]
    assert lands["09"]["title"] == "Bayern: 3 Praxisbeispiele, 1 Veranstaltung"
    assert lands["05"]["title"] == "Nordrhein-Westfalen: 0 Praxisbeispiele, 1 Veranstaltung"
    assert markers(html) == {"09": 1, "05": 1}
    rows, links = table(html)
    assert len(rows) == 16
    assert rows["Bayern"] == (3, 1) and rows["Baden-Württemberg"] == (1, 0)
    assert rows["Nordrhein-Westfalen"] == (0, 1) and rows["Berlin"] == (0, 0)
    assert query_of(links["Bayern"]) == {"land": ["09"]}
    assert section.select_one(".laender-map__table caption") is not None
    assert section.select('th[scope="col"]') and len(section.select('th[scope="row"]')) == 17
    # The map is for the eye and the mouse; the table is the route for the keyboard.
    svg = section.select_one("svg")
    assert svg["aria-hidden"] == "true"
    assert {a["tabindex"] for a in svg.select("a")} == {"-1"}
    assert section.details.summary.get_text(strip=True) == "Als Tabelle anzeigen"
    assert "Karte: svg-maps (CC BY 4.0)" in section.get_text()
    # Nothing from another host.
    for element in section.select("[href], [src], [xlink\\:href]"):
        for attribute in ("href", "src", "xlink:href"):
            value = element.get(attribute, "")
            assert not re.match(r"^(https?:)?//", value), value


def test_search_map_follows_the_filters(client, corpus):
    html = soup(client.get("/suche/"))
    assert table(html)[0]["Bayern"] == (3, 1)
    params = {"themenfeld": corpus["bauen"].slug, "kreis": "09162", "land": "09", "q": ""}
    html = soup(client.get("/suche/", {**params, "type": "learning", "status": "betrieb"}))
    rows, links = table(html)
    # Case studies on Bauen & Wohnen in operation (status) in every Land (the map
    # ignores the Land, Kreis and type filters); events have no Themenfeld.
    assert rows["Bayern"] == (1, 0) and rows["Baden-Württemberg"] == (1, 0)
    assert rows["Nordrhein-Westfalen"] == (0, 0) and markers(html) == {}
    lands = land_map(html)
    assert lands["09"]["shade"] == lands["08"]["shade"] > 0 == lands["05"]["shade"]
    assert query_of(lands["08"]["href"]) == {
        "themenfeld": [corpus["bauen"].slug],
        "land": ["08"],
        "type": ["learning"],
        "status": ["betrieb"],
    }
    assert query_of(links["Baden-Württemberg"]) == query_of(lands["08"]["href"])
    selected = html.select_one(".laender-map__table a[aria-current]")
    assert selected.get_text(strip=True) == "Bayern"
    assert "laender-map__land--selected" in html.select_one('a[data-land="09"]')["class"]
    # A bad parameter: a 400 that says so, no map.
    response = client.get("/suche/", {"land": "99"})
    assert response.status_code == 400 and b"laender-map" not in response.content


def test_english_search_page_has_english_names(client, corpus):
    html = soup(client.get("/en/search/"))
    rows, links = table(html)
    assert {"Bavaria", "North Rhine-Westphalia", "Baden-Württemberg"} <= set(rows)
    assert urlsplit(links["Bavaria"]).path == "" and query_of(links["Bavaria"]) == {"land": ["09"]}
    lands = land_map(html)
    assert lands["09"]["title"].startswith("Bavaria: ")


def test_home_map_costs_a_fixed_number_of_queries(client, corpus):
    def home_queries():
        client.get("/")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response

    before, _response = home_queries()
    for code in (KOELN, KOELN, STUTTGART, AUGSBURG):
        CaseStudyPageFactory(parent=corpus["knowledge"], municipality=get_region(code))
    after, response = home_queries()
    assert after == before
    assert table(soup(response))[0]["Nordrhein-Westfalen"] == (2, 1)
