import pytest
from wagtail.models import Locale

from knowledge.factories import CaseStudyPageFactory
from search.suggest import suggest

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_root):
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Online-Bauantrag im Kreis")
    english = site_root["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return site_root


def test_titles_that_start_with_or_contain_the_text(pages):
    labels = [s["label"] for s in suggest("bauantrag", Locale.get_default())["pages"]]
    assert set(labels) == {"Digitaler Bauantrag", "Online-Bauantrag im Kreis"}
    labels = [s["label"] for s in suggest("Digit", Locale.get_default())["pages"]]
    assert labels[0] == "Digitaler Bauantrag"


def test_only_the_active_language(pages):
    english = Locale.objects.get(language_code="en")
    assert suggest("bauantrag", english)["pages"] == []


@pytest.mark.parametrize("typed", ["münch", "muench", "Münch"])
def test_municipalities_with_folded_umlauts(pages, typed):
    first = suggest(typed, Locale.get_default())["municipalities"][0]
    assert first == {
        "label": "München (kreisfrei, Bayern)",
        "type": "municipality",
        "ags": "09162000",
        "name": "München",
    }


def test_municipalities_containing_the_text(pages):
    labels = [
        s["name"] for s in suggest("kirchen", Locale.get_default(), limit=50)["municipalities"]
    ]
    assert "Kirchen (Sieg)" in labels or any(label.startswith("Kirchen") for label in labels)
    assert any(not label.lower().startswith("kirchen") for label in labels)  # infix too


def test_ozg_leistungen(pages):
    found = suggest("elterng", Locale.get_default())["ozg_leistungen"]
    assert found[0] == {"label": "Elterngeld", "type": "ozg_leistung", "ozg_id": 10000}


def test_suggest_api(client, pages):
    response = client.get("/api/search/suggest/", {"q": "Bauantr", "lang": "de"})
    assert response.status_code == 200
    body = response.json()
    assert {s["label"] for s in body["pages"]} == {
        "Digitaler Bauantrag",
        "Online-Bauantrag im Kreis",
    }
    assert set(body) == {"pages", "municipalities", "ozg_leistungen"}


@pytest.mark.parametrize(
    "params, name",
    [
        ({"q": "a"}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"q": "Bau", "lang": "xx"}, "lang"),
    ],
)
def test_suggest_api_rejects_bad_input(client, pages, params, name):
    response = client.get("/api/search/suggest/", params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == name


def test_suggest_is_in_the_openapi_schema(client):
    assert "/api/search/suggest/" in client.get("/api/openapi.json").json()["paths"]
