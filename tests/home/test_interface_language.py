"""The site's own interface strings in English: the message catalogue locale/en/.

German is the source language (the msgids); English comes from
``locale/en/LC_MESSAGES/django.po``, compiled to ``django.mo`` by ``scripts/run`` and
``scripts/test`` (``manage.py compilemessages``; the .mo is not committed). Pages under
/en/ must speak English in their navigation, search, facets and error messages, and the
German pages must stay German.
"""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale

from events.factories import berlin
from knowledge.factories import CaseStudyPageFactory, get_region
from tests.utils import soup

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"


@pytest.fixture(scope="module")
def catalogue():
    assert PO_FILE.exists(), f"{PO_FILE} is missing: run manage.py makemessages -l en"
    return polib.pofile(str(PO_FILE))


def require_compiled_catalogue():
    """The compiled catalogue must be there and up to date, or English pages would
    silently fall back to the German msgids."""
    if not MO_FILE.exists() or MO_FILE.stat().st_mtime < PO_FILE.stat().st_mtime:
        pytest.fail(
            f"{MO_FILE} is missing or older than django.po: "
            "run manage.py compilemessages --ignore=.venv (scripts/test does)"
        )


@pytest.fixture
def english_site(site_root):
    """The German site with an English home page and knowledge index (/en/)."""
    english = Locale.objects.get(language_code="en")
    home = site_root["home"].copy_for_translation(english)
    home.title = "Initiative K"
    home.save_revision().publish()
    knowledge = site_root["knowledge"].copy_for_translation(english)
    knowledge.title = "Knowledge"
    knowledge.save_revision().publish()
    return {**site_root, "en_home": home, "en_knowledge": knowledge}


def soup_any(response):
    """Like ``soup``, for a page answered with an error status."""
    return BeautifulSoup(response.content, "html.parser")


def test_catalogue_is_completely_translated(catalogue):
    entries = [e for e in catalogue if not e.obsolete]
    assert len(entries) > 300
    assert not catalogue.metadata_is_fuzzy
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    for entry in entries:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr.strip(), entry.msgid


def test_placeholders_survive_translation(catalogue):
    for entry in catalogue:
        if "python-format" not in entry.flags:
            continue
        # English has the two forms of German: each keeps the placeholders of its source
        # (a singular may leave out the count, as "Diese Kontaktanfrage …" does).
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        translations = (
            [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            if entry.msgid_plural
            else [entry.msgstr]
        )
        for source, text in zip(sources, translations, strict=True):
            names = set(re.findall(r"%\((\w+)\)s", source))
            assert set(re.findall(r"%\((\w+)\)s", text)) == names, entry.msgid


def test_compiled_catalogue_translates():
    require_compiled_catalogue()
    with translation.override("en"):
        assert translation.gettext("Zum Inhalt springen") == "Skip to content"
        assert translation.ngettext("%(counter)s Ergebnis", "%(counter)s Ergebnisse", 2) == (
            "%(counter)s results"
        )
    with translation.override("de"):
        assert translation.gettext("Zum Inhalt springen") == "Zum Inhalt springen"


def test_search_url_is_translated():
    require_compiled_catalogue()
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
    with translation.override("de"):
        assert reverse("search") == "/suche/"


def test_english_home_page_speaks_english(client, english_site):
    require_compiled_catalogue()
    html = soup(client.get("/en/"))
    assert html.html["lang"] == "en"
    assert html.select_one("a.skip-link").get_text(strip=True) == "Skip to content"
    search = html.select_one("form.header-search")
    assert search["action"] == "/en/search/"
    assert search["aria-label"] == "Quick search"
    assert search.button.get_text(strip=True) == "Search"
    assert search.input["placeholder"] == "Search term"
    assert html.select_one("nav.main-nav")["aria-label"] == "Main navigation"
    assert html.select_one(".brand__claim").get_text(strip=True) == (
        "Municipalities show what works digitally"
    )
    text = html.get_text(" ", strip=True)
    for german in ("Zum Inhalt springen", "Schnellsuche", "Suchbegriff", "Hauptnavigation"):
        assert german not in str(html), german
    assert "Latest case studies" in text
    assert "Neueste Praxisbeispiele" not in text


def test_german_home_page_stays_german(client, english_site):
    require_compiled_catalogue()
    html = soup(client.get("/"))
    assert html.html["lang"] == "de"
    assert html.select_one("a.skip-link").get_text(strip=True) == "Zum Inhalt springen"
    search = html.select_one("form.header-search")
    assert search["action"] == "/suche/"
    assert search.button.get_text(strip=True) == "Suchen"
    assert "Neueste Praxisbeispiele" in html.get_text(" ", strip=True)
    assert "Skip to content" not in str(html)


@pytest.fixture
def english_case_study(english_site):
    return CaseStudyPageFactory(
        parent=english_site["en_knowledge"],
        title="Digital building permit",
        teaser_text="Building permits go online.",
        municipality=get_region("08111000"),
        status="betrieb",
        leistungen=[10519],
    )


def test_english_search_page_has_english_facets(client, english_case_study):
    require_compiled_catalogue()
    response = client.get("/en/search/")
    html = soup(response)
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == "Search"
    form = html.select_one("form.search-page")
    assert form["data-lang"] == "en"  # the autocomplete script's language
    assert form.select_one("label[for=search-q]").get_text(strip=True) == "Search term"
    assert html.select_one("#facets-heading").get_text(strip=True) == "Filters"
    legends = [legend.get_text(strip=True) for legend in html.select("fieldset.facet legend")]
    assert "Type" in legends
    assert "Federal state" in legends
    assert "Status" in legends
    types = [label.get_text(" ", strip=True) for label in html.select(".facet label")]
    assert "Case study (1)" in types
    assert "In operation (1)" in types
    text = html.get_text(" ", strip=True)
    assert "1 entry" in text
    assert "Sort by:" in text
    for german in ("Filter anwenden", "Praxisbeispiel", "Land", "Art", "Sortieren", "Eintrag"):
        assert german not in text.split(), german
    assert html.select_one(".search-result .card__type").get_text(strip=True) == "Case study"


def test_english_search_page_reports_a_bad_parameter_in_english(client, english_site):
    require_compiled_catalogue()
    response = client.get("/en/search/", {"year": "abc", "land": "1"})
    assert response.status_code == 400
    html = soup_any(response)
    alert = html.select_one("[role=alert]")
    assert alert.h2.get_text(strip=True) == "This search is invalid"
    text = alert.get_text(" ", strip=True)
    assert "Enter a whole number." in text  # Django's own catalogue
    assert "Federal state (parameter land ):" in text
    assert "“1” is not a 2-digit key." in text
    assert "Start a new search" in text
    for german in ("ungültig", "Geben Sie", "Schlüssel", "Neue Suche"):
        assert german not in text, german


def test_german_search_page_reports_a_bad_parameter_in_german(client, site_root):
    require_compiled_catalogue()
    response = client.get("/suche/", {"year": "abc", "land": "1"})
    assert response.status_code == 400
    text = soup_any(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Diese Suche ist ungültig" in text
    assert "Land (Parameter land ):" in text
    assert "„1“ ist kein 2-stelliger Schlüssel." in text
    assert "invalid" not in text


def test_german_search_page_stays_german(client, site_root):
    require_compiled_catalogue()
    html = soup(client.get("/suche/"))
    assert html.html["lang"] == "de"
    assert html.select_one("#facets-heading").get_text(strip=True) == "Filter"
    assert html.select_one(".search-page button[type=submit]").get_text(strip=True) == "Suchen"
    assert "Search term" not in str(html)


def test_english_404_page(client, english_site):
    require_compiled_catalogue()
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    html = soup_any(response)
    assert html.h1.get_text(strip=True) == "Page not found"
    assert "Go to the home page" in html.get_text(" ", strip=True)


def test_event_dates_follow_the_language():
    require_compiled_catalogue()
    start = berlin(2021, 5, 11, 16, 30)
    event = SimpleNamespace(start=start, end=start + datetime.timedelta(minutes=90))

    def render(language):
        with translation.override(language):
            html = render_to_string("includes/_event_date.html", {"event": event})
        return " ".join(strip_tags(html).split())

    assert render("de") == "Dienstag, 11. Mai 2021, 16:30 bis 18:00 Uhr"
    assert render("en") == "Tuesday, 11 May 2021, 16:30 to 18:00 (Berlin time)"
