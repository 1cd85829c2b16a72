import pytest

from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    get_region,
    get_themenfeld,
)
from knowledge.listing import KnowledgeFilterForm, filter_knowledge
from knowledge.models import CaseStudyPage
from tests.utils import soup, template_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_root):
    index = site_root["knowledge"]
    return {
        "stuttgart": CaseStudyPageFactory(
            parent=index,
            title="Stuttgart digital",
            municipality=get_region("08111000"),
            leistungen=[10519],
        ),
        "muenchen": CaseStudyPageFactory(
            parent=index,
            title="München digital",
            municipality=get_region("09162000"),
            status=CaseStudyPage.Status.PILOT,
            leistungen=[10000],
        ),
        "hoexter": CaseStudyPageFactory(
            parent=index, title="Höxter digital", municipality=get_region("05762")
        ),
        "learning": LearningPageFactory(
            parent=index,
            title="Früh anfangen",
            municipality=get_region("05762004"),
            themenfelder=[get_themenfeld("Bauen & Wohnen")],
        ),
    }


def titles(index, **params):
    form = KnowledgeFilterForm({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    assert form.is_valid(), form.errors
    return {p.title for p in filter_knowledge(index, form.cleaned_data)}


def test_filters_combine(site_root, pages):
    index = site_root["knowledge"]
    assert titles(index, land="08") == {"Stuttgart digital"}
    assert titles(index, land=["08", "09"]) == {"Stuttgart digital", "München digital"}
    assert titles(index, land="05") == {"Höxter digital", "Früh anfangen"}
    assert titles(index, kreis="05762") == {"Höxter digital", "Früh anfangen"}
    assert titles(index, land="05", type="learning") == {"Früh anfangen"}
    assert titles(index, themenfeld="bauen-und-wohnen") == {"Stuttgart digital", "Früh anfangen"}
    assert titles(index, themenfeld="bauen-und-wohnen", land="08") == {"Stuttgart digital"}
    assert titles(index, ozg="10000") == {"München digital"}
    assert titles(index, status="pilot") == {"München digital"}
    assert titles(index, ags="08111000") == {"Stuttgart digital"}


def test_listing_page(client, site_root, pages):
    response = client.get(site_root["knowledge"].url, {"land": "09"})
    assert "knowledge/knowledge_index_page.html" in template_names(response)
    text = soup(response).get_text()
    assert "München digital" in text and "Stuttgart digital" not in text


@pytest.mark.parametrize(
    "params",
    [
        {"land": "99"},
        {"land": "abc"},
        {"kreis": "081"},
        {"ags": "0811100"},
        {"themenfeld": "gibt-es-nicht"},
        {"ozg": "x"},
        {"ozg": "99999"},
        {"status": "fertig"},
        {"type": "event"},
        {"land": "0" * 10_000},
    ],
)
def test_bad_filters_get_a_clear_400(client, site_root, pages, params):
    response = client.get(site_root["knowledge"].url, params)
    assert response.status_code == 400
    text = soup_400(response)
    assert "Dieser Filter ist ungültig" in text
    assert f"(Parameter {next(iter(params))} )" in text
    assert "Stuttgart digital" not in text


def soup_400(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_bad_page_number_is_not_an_error(client, site_root, pages):
    for page in ("abc", "-1", "9999"):
        assert client.get(site_root["knowledge"].url, {"page": page}).status_code == 200
