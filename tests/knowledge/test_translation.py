"""German and English: translated pages and catalogue labels (wagtail-localize), hreflang,
the language switcher, and listings, search and the API showing the active locale only."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource

from home.translation import sync, translate
from knowledge.factories import (
    CaseStudyPageFactory,
    OrganisationFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from knowledge.models import (
    CaseStudyPage,
    CatalogueLabel,
    Leistung,
    Organisation,
    Person,
    Region,
    Themenfeld,
)
from tests.utils import soup

pytestmark = pytest.mark.django_db

TITLE_DE = "Digitaler Bauantrag in Herrenberg"
TITLE_EN = "Digital building permits in Herrenberg"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def bilingual(site_root, english):
    """A German home and knowledge section translated into English, a case study with
    an English translation and one without."""
    translate(site_root["home"], english, {"Initiative K": "Initiative K"})
    translate(site_root["knowledge"], english, {"Wissen": "Knowledge", "wissen": "knowledge"})
    contact = PersonFactory(
        name="Erika Beispiel", role="Digitalisierungsbeauftragte", email="erika@example.org"
    )
    translated = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title=TITLE_DE,
        slug="herrenberg-bauantrag",
        municipality=get_region("08115021"),
        leistungen=[10519],
        themenfelder=[get_themenfeld("Bauen & Wohnen")],
        status=CaseStudyPage.Status.LIVE,
        start_date=datetime.date(2020, 3, 1),
        contact_person=contact,
        teaser_text="Bauanträge kommen online.",
    )
    translate(contact, english, {"Digitalisierungsbeauftragte": "Chief digital officer"})
    english_page = translate(
        translated,
        english,
        {
            TITLE_DE: TITLE_EN,
            "herrenberg-bauantrag": "herrenberg-building-permit",
            "Bauanträge kommen online.": "Building applications arrive online.",
        },
    )
    german_only = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Hundesteuer online in Ulm",
        slug="ulm-hundesteuer",
        municipality=get_region("08421000"),
        themenfelder=[get_themenfeld("Querschnitt")],
    )
    return {**site_root, "de": translated, "en": english_page, "german_only": german_only}


# --- Catalogue labels ----------------------------------------------------------------


def test_every_catalogue_entry_has_a_german_label(reference_data):
    german = Locale.get_default()
    labels = CatalogueLabel.objects.filter(locale=german)
    assert labels.filter(kind="themenfeld").count() == Themenfeld.objects.count() == 14
    assert labels.filter(kind="leistung").count() == Leistung.objects.count() == 557
    assert labels.filter(kind="land").count() == 16
    assert labels.get(kind="leistung", key="10000").name == "Elterngeld"


def test_shipped_english_names_are_wagtail_localize_translations(reference_data, english):
    source = CatalogueLabel.objects.get(kind="themenfeld", key="2", locale=Locale.get_default())
    assert source.get_translation(english).name == "Building & Housing"
    translation_record = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(source), target_locale=english
    )
    assert translation_record.enabled  # synced: editable in the translation editor
    bayern = Region.objects.get(code="09")
    themenfeld = Themenfeld.objects.get(kdn_id=2)
    with translation.override("en"):
        assert (bayern.display_name, themenfeld.label) == ("Bavaria", "Building & Housing")
        assert Region.objects.get(code="09162000").label.endswith(", Bavaria)")
        # no English label shipped: the German name stays
        assert Leistung.objects.get(pk=10000).label == "Elterngeld"
    assert (bayern.display_name, themenfeld.label) == ("Bayern", "Bauen & Wohnen")


def test_loading_the_reference_data_again_keeps_translations(reference_data, english):
    label = CatalogueLabel.objects.get(kind="leistung", key="10000", locale=Locale.get_default())
    translate(label, english, {"Elterngeld": "Parental allowance"})
    before = CatalogueLabel.objects.count()
    call_command("load_reference_data", stdout=io.StringIO())
    assert CatalogueLabel.objects.count() == before
    with translation.override("en"):
        assert Leistung.objects.get(pk=10000).label == "Parental allowance"


def test_a_changed_german_name_reaches_the_translator(reference_data, english):
    label = CatalogueLabel.objects.get(kind="leistung", key="10000", locale=Locale.get_default())
    translate(label, english, {"Elterngeld": "Parental allowance"})
    label.name = "Elterngeld und ElterngeldPlus"
    label.save()
    sync(label)
    source = TranslationSource.objects.get_for_instance(label)
    record = Translation.objects.get(source=source, target_locale=english)
    # The changed string is untranslated in the editor, the English name falls back to
    # the new German one until it is translated.
    assert record.get_progress() == (1, 0)
    assert label.get_translation(english).name == "Elterngeld und ElterngeldPlus"
    translate(label, english, {"Elterngeld und ElterngeldPlus": "Parental allowance (Plus)"})
    assert record.get_progress() == (1, 1)
    with translation.override("en"):
        assert Leistung.objects.get(pk=10000).label == "Parental allowance (Plus)"


def test_person_translation_offers_the_role_but_never_the_email(reference_data):
    person = PersonFactory(
        name="Erika Beispiel", role="Digitalisierungsbeauftragte", email="erika@example.org"
    )
    source, _ = TranslationSource.get_or_create_from_instance(person)
    strings = set(
        String.objects.filter(
            pk__in=StringSegment.objects.filter(source=source).values("string")
        ).values_list("data", flat=True)
    )
    assert strings == {"Digitalisierungsbeauftragte"}


class TestTranslationEditor(WagtailTestUtils):
    """The Redaktion translates snippets in wagtail-localize's own admin views."""

    @pytest.mark.parametrize("model", [CatalogueLabel, Person, Organisation])
    def test_submit_and_edit_a_snippet_translation(self, client, reference_data, english, model):
        editor = self.create_user("redaktion-test")
        editor.groups.add(Group.objects.get(name="Redaktion"))
        client.force_login(editor)
        if model is Person:
            obj = PersonFactory(role="Bürgermeisterin")
        elif model is Organisation:
            obj = OrganisationFactory(description="Kommunaler IT-Dienstleister")
        else:
            # a Lebenslage: no English name is shipped for it
            obj = CatalogueLabel.objects.get(
                kind="lebenslage", key="26", locale=Locale.get_default()
            )
        url = f"/admin/localize/submit/snippet/knowledge/{model._meta.model_name}/{obj.pk}/"
        assert client.get(url).status_code == 200
        response = client.post(url, {"locales": [english.pk]})
        assert response.status_code == 302
        target = obj.get_translation(english)
        edit = client.get(f"/admin/snippets/knowledge/{model._meta.model_name}/edit/{target.pk}/")
        assert edit.status_code == 200
        # wagtail-localize's translation editor replaces the plain edit form
        assert "w-translation-editor" in edit.content.decode() or b"translation-editor" in (
            edit.content
        )


# --- Visitors ------------------------------------------------------------------------


def alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in soup(response).select('link[rel="alternate"][hreflang]')
    }


def switcher(response):
    nav = soup(response).select_one("nav.language-switcher")
    return {a["hreflang"]: (a["href"], a.has_attr("data-untranslated")) for a in nav.select("a")}


def test_a_translated_page_names_its_alternates_and_switches_to_its_translation(client, bilingual):
    response = client.get(bilingual["de"].url)
    assert alternates(response) == {
        "de": "http://testserver/wissen/herrenberg-bauantrag/",
        "en": "http://testserver/en/knowledge/herrenberg-building-permit/",
        "x-default": "http://testserver/wissen/herrenberg-bauantrag/",
    }
    assert switcher(response) == {"en": ("/en/knowledge/herrenberg-building-permit/", False)}

    english = client.get("/en/knowledge/herrenberg-building-permit/")
    html = soup(english)
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == TITLE_EN
    assert "Chief digital officer" in html.get_text()
    assert switcher(english) == {"de": ("/wissen/herrenberg-bauantrag/", False)}


def test_an_untranslated_page_has_no_alternates_and_switches_to_the_english_home(client, bilingual):
    response = client.get(bilingual["german_only"].url)
    assert alternates(response) == {}
    assert switcher(response) == {"en": ("/en/", True)}


def test_the_search_page_switches_with_its_query(client, bilingual):
    response = client.get("/suche/?q=Bauantrag&land=08")
    assert switcher(response) == {"en": ("/en/search/?q=Bauantrag&land=08", False)}


def test_listings_show_the_active_locale_only(client, bilingual):
    german = soup(client.get("/wissen/")).get_text()
    assert TITLE_DE in german and "Hundesteuer online in Ulm" in german
    assert TITLE_EN not in german
    english = soup(client.get("/en/knowledge/")).get_text()
    assert TITLE_EN in english
    assert TITLE_DE not in english and "Hundesteuer" not in english


def test_search_page_and_api_show_the_active_locale_only(client, bilingual):
    english = soup(client.get("/en/search/?q=Herrenberg")).get_text()
    assert TITLE_EN in english and TITLE_DE not in english
    german = soup(client.get("/suche/?q=Herrenberg")).get_text()
    assert TITLE_DE in german and TITLE_EN not in german

    results = client.get("/api/search/", {"q": "Herrenberg", "lang": "en"}).json()
    assert [r["title"] for r in results["results"]] == [TITLE_EN]
    facets = {f["value"]: f["label"] for f in results["facets"]["themenfeld"]}
    assert facets == {"bauen-und-wohnen": "Building & Housing"}
    assert results["results"][0]["land"]["name"] == "Baden-Württemberg"
    results = client.get("/api/search/", {"q": "Herrenberg", "lang": "de"}).json()
    assert [r["title"] for r in results["results"]] == [TITLE_DE]
    assert {f["label"] for f in results["facets"]["themenfeld"]} == {"Bauen & Wohnen"}


def test_suggestions_label_in_the_requested_language(client, bilingual):
    found = client.get("/api/search/suggest/", {"q": "Bayreuth", "lang": "en"}).json()
    assert found["municipalities"][0]["label"].endswith("Bavaria)")
    found = client.get("/api/search/suggest/", {"q": "Bayreuth", "lang": "de"}).json()
    assert found["municipalities"][0]["label"].endswith("Bayern)")


def test_a_changed_german_page_keeps_its_translated_strings_after_a_sync(client, bilingual):
    german = bilingual["de"]
    record = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(german),
        target_locale=bilingual["en"].locale,
    )
    _total, done_before = record.get_progress()
    german.teaser_text = "Bauanträge kommen nur noch online."
    german.save_revision().publish()
    sync(german)
    english = bilingual["en"].specific_class.objects.get(pk=bilingual["en"].pk)
    assert english.title == TITLE_EN  # unchanged string: its translation is kept
    assert english.teaser_text == "Bauanträge kommen nur noch online."  # awaits translation
    _total, done_after = record.get_progress()
    assert done_after == done_before - 1


def test_api_errors_speak_the_requested_language(client, reference_data):
    german = client.get("/api/search/", {"page": "x", "lang": "de"})
    english = client.get("/api/search/", {"page": "x", "lang": "en"})
    assert german.status_code == english.status_code == 400
    assert german.json()["errors"][0]["parameter"] == english.json()["errors"][0]["parameter"]
    assert german.json()["errors"][0]["message"] != english.json()["errors"][0]["message"]
    short = client.get("/api/search/suggest/", {"q": "x", "lang": "en"})
    assert short.status_code == 400
    assert short.json()["errors"][0]["message"] == "2 to 100 characters"
