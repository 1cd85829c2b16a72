"""The search page works without JavaScript: query, facets with counts, sorting,
pagination, a helpful page when nothing is found, a 400 that names a bad parameter."""

import pytest

from knowledge.factories import CaseStudyPageFactory, LearningPageFactory, get_region
from tests.conftest import build_site_root, module_transaction
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Built once for the module (see ``module_transaction``); the tests only read."""
    with module_transaction(django_db_blocker):
        yield build_pages(build_site_root())


@pytest.fixture
def pages(corpus, db):
    return corpus


def build_pages(site_root):
    index = site_root["knowledge"]
    made = [
        CaseStudyPageFactory(
            parent=index,
            title="Digitaler Bauantrag in Stuttgart",
            teaser_text="Der Bauantrag geht online.",
            municipality=get_region("08111000"),
            leistungen=[10519],
        ),
        CaseStudyPageFactory(
            parent=index,
            title="Bauantrag in München",
            teaser_text="Auch in Bayern kommt der Bauantrag digital.",
            municipality=get_region("09162000"),
            leistungen=[10519],
        ),
        LearningPageFactory(
            parent=index,
            title="Bauantrag: früh die Ämter einbinden",
            teaser_text="Erfahrungen mit dem Bauantrag.",
            municipality=get_region("09162000"),
        ),
    ]
    made += [
        CaseStudyPageFactory(
            parent=index,
            title=f"Kita-Portal {i}",
            teaser_text="Kita-Platz online finden.",
            municipality=get_region("05315000"),
        )
        for i in range(12)
    ]
    return made


def results(html):
    return [a.get_text(strip=True) for a in html.select(".search-result .card__title a")]


def facet(html, name):
    return {
        box.find_next("label").get_text(" ", strip=True): box.has_attr("checked")
        for box in html.select(f"input[type=checkbox][name={name}]")
    }


def test_query_with_results_highlights_and_facets(client, pages):
    html = soup(client.get("/suche/", {"q": "Bauantrag"}))
    assert set(results(html)) == {
        "Digitaler Bauantrag in Stuttgart",
        "Bauantrag in München",
        "Bauantrag: früh die Ämter einbinden",
    }
    assert html.select_one(".search-result mark").get_text() == "Bauantrag"
    lands = facet(html, "land")
    assert lands == {"Bayern (2)": False, "Baden-Württemberg (1)": False}
    assert "Praxisbeispiel (2)" in facet(html, "type")


def test_facets_combine_and_count_without_their_own_filter(client, pages):
    html = soup(client.get("/suche/", {"q": "Bauantrag", "land": "09"}))
    assert set(results(html)) == {"Bauantrag in München", "Bauantrag: früh die Ämter einbinden"}
    assert facet(html, "land") == {"Bayern (2)": True, "Baden-Württemberg (1)": False}
    assert "Kreis" in html.get_text()  # the Kreis facet appears once a Land is chosen
    html = soup(client.get("/suche/", {"q": "Bauantrag", "land": "09", "type": "learning"}))
    assert results(html) == ["Bauantrag: früh die Ämter einbinden"]
    assert facet(html, "type") == {"Praxisbeispiel (1)": False, "Learning (1)": True}


def test_browsing_without_query_by_filter_sorted_by_date(client, pages):
    html = soup(client.get("/suche/", {"land": "05"}))
    assert len(results(html)) == 10
    assert all(r.startswith("Kita-Portal") for r in results(html))
    next_link = html.find("a", rel="next")
    assert next_link
    second = soup(client.get("/suche/" + next_link["href"]))
    assert len(results(second)) == 2


def test_nothing_found_is_helpful(client, pages):
    html = soup(client.get("/suche/", {"q": "Raumfahrt", "land": "08"}))
    text = html.get_text(" ", strip=True)
    assert "Nichts gefunden" in text
    assert "Entfernen Sie einen Filter" in text
    chip = html.select_one(".chip")
    assert chip and "land" not in chip["href"]


@pytest.mark.parametrize(
    "params, name, label",
    [
        ({"land": "99"}, "land", "Land"),
        ({"type": "raumschiff"}, "type", "Art"),
        ({"page": "-1"}, "page", "Seite"),
        ({"year": "abc"}, "year", "Jahr"),
        ({"themenfeld": "raumfahrt"}, "themenfeld", "Themenfeld"),
        ({"q": "x" * 10_000}, "q", "Suchbegriff"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, pages, params, name, label):
    """By their label and their name: "Jahr (Parameter year)", not "year (Parameter year)"."""
    response = client.get("/suche/", params)
    assert response.status_code == 400
    assert f"{label} (Parameter {name} )" in soup_text(response)


def soup_text(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_works_without_javascript(client, pages):
    html = soup(client.get("/suche/", {"q": "Bauantrag"}))
    form = html.find("form", attrs={"role": "search"})
    assert form["method"] == "get"
    assert form.find("button", type="submit")
    assert not html.find("script", src=True) or all(
        s["src"].startswith("/") for s in html.find_all("script", src=True)
    )


def test_a_query_typed_on_the_browsing_page_is_sorted_by_relevance(client, pages):
    browsing = soup(client.get("/suche/", {"land": "05"}))
    form = browsing.find("form", class_="search-page")
    assert not form.find("input", attrs={"name": "sort"})  # date was not chosen, only default
    chosen = soup(client.get("/suche/", {"land": "05", "sort": "date"}))
    assert chosen.find("input", attrs={"name": "sort", "value": "date"})
    html = soup(client.get("/suche/", {"q": "Bauantrag"}))
    assert html.select_one(".sort strong").get_text(strip=True) == "Relevanz"


def test_a_chosen_municipality_shows_as_a_removable_filter(client, pages):
    html = soup(client.get("/suche/", {"q": "Bauantrag", "ags": "09162000"}))
    assert set(results(html)) == {"Bauantrag in München", "Bauantrag: früh die Ämter einbinden"}
    [chip] = html.select(".chip-list .chip")
    assert "Kommune: München" in chip.get_text(" ", strip=True)
    assert "ags" not in chip["href"] and "q=Bauantrag" in chip["href"]
