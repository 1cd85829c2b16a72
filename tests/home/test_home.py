import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.factories import EventPageFactory, EventSeriesPageFactory
from home.factories import StandardPageFactory
from home.models import SiteSettings
from knowledge.factories import CaseStudyPageFactory, LearningPageFactory
from tests.utils import soup, template_names

pytestmark = pytest.mark.django_db


def test_home_shows_latest_case_studies_next_events_and_learnings(client, site_root):
    for i in range(4):
        CaseStudyPageFactory(parent=site_root["knowledge"], title=f"Fallstudie {i}")
    LearningPageFactory(parent=site_root["knowledge"], title="Ein Learning")
    series = EventSeriesPageFactory(parent=site_root["events"])
    start = timezone.localtime() + datetime.timedelta(days=7)
    EventPageFactory(
        parent=series,
        title="Nächstes Treffen",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    response = client.get("/")
    assert "home/home_page.html" in template_names(response)
    text = soup(response).get_text(" ", strip=True)
    assert "Fallstudie 3" in text  # the newest
    assert "Nächstes Treffen" in text
    assert "Ein Learning" in text


def test_base_layout_is_accessible(client, site_root):
    html = soup(client.get("/"))
    assert html.html["lang"] == "de"
    first_link = html.body.find("a")
    assert first_link["href"] == "#main"  # skip link first
    assert html.find("main", id="main")
    assert html.find("header") and html.find("footer")
    assert html.find("nav", attrs={"aria-label": True})
    assert len(html.find_all("h1")) == 1
    for img in html.find_all("img"):
        assert img.has_attr("alt")


def test_no_asset_from_another_host(client, site_root):
    CaseStudyPageFactory(parent=site_root["knowledge"])
    html = soup(client.get("/"))
    for tag, attr in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
    ):
        for element in html.find_all(tag):
            if element.get(attr):
                assert element[attr].startswith("/"), element


def test_impressum_shows_the_data_sources(client, site_root):
    impressum = StandardPageFactory(
        parent=site_root["home"], title="Impressum", show_data_sources=True
    )
    response = client.get(impressum.url)
    assert "home/standard_page.html" in template_names(response)
    text = soup(response).get_text(" ", strip=True)
    assert "Statistisches Bundesamt (Destatis)" in text
    assert "KDN" in text
    assert "CC BY 4.0" in text


def test_footer_links_legal_pages(client, site_root):
    pages = {
        name: StandardPageFactory(parent=site_root["home"], title=name)
        for name in ("Impressum", "Datenschutz", "Barrierefreiheit")
    }
    settings = SiteSettings.for_site(site_root["home"].get_site())
    settings.imprint_page = pages["Impressum"]
    settings.privacy_page = pages["Datenschutz"]
    settings.accessibility_page = pages["Barrierefreiheit"]
    settings.save()
    footer = soup(client.get("/")).find("footer")
    hrefs = {a["href"] for a in footer.find_all("a")}
    assert {p.url for p in pages.values()} <= hrefs


def test_english_locale_is_served_under_en(client, site_root):
    english = site_root["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Initiative K (English)"
    english.save_revision().publish()
    html = soup(client.get("/en/"))
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == "Initiative K (English)"
    assert soup(client.get("/")).html["lang"] == "de"


def test_unknown_page_is_a_german_404(client, site_root):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "nicht gefunden" in response.content.decode().lower()


def test_admin_speaks_german(admin_client, site_root):
    response = admin_client.get("/admin/")
    html = soup(response)
    assert html.html["lang"] == "de"
    text = html.get_text(" ", strip=True)
    assert "Zur Nutzung von Wagtail wird JavaScript benötigt" in text
    assert "Dokumente erstellt in Initiative K" in text
    assert (
        "Praxisbeispiel"
        in admin_client.get(
            f"/admin/pages/{site_root['knowledge'].pk}/add_subpage/"
        ).content.decode()
    )
