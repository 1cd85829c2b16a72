"""Municipality profiles (/kommunen/<AGS>/): content, Kreis roll-up, redirects, 404s,
languages, and "Kommunen wie meine".

One corpus for the module (built once, rolled back at the end); each test runs in a
savepoint of it.
"""

import pytest
from wagtail.models import Locale

from events.factories import EventPageFactory, EventSeriesPageFactory, RecordingPageFactory
from events.models import AgendaItem, Chapter, EventSpeaker
from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from knowledge.profiles import queries
from tests.conftest import ensure_reference_data, module_transaction
from tests.utils import soup

HERRENBERG = "08115021"  # Große Kreisstadt, 34.192 Einwohner, Landkreis Böblingen
EMAIL = "hanna.herrenberg@example.org"


def build_site():
    from wagtail.models import Page, Site

    from events.factories import EventIndexPageFactory
    from home.factories import HomePageFactory
    from knowledge.factories import KnowledgeIndexPageFactory

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, title="Initiative K", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80},
    )
    knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
    events = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    return home, knowledge, events


def build_corpus():
    ensure_reference_data()
    home, knowledge, events = build_site()
    bauen, mobil, familie = (
        get_themenfeld("Bauen & Wohnen"),
        get_themenfeld("Mobilität & Reisen"),
        get_themenfeld("Familie & Kind"),
    )
    speaker = PersonFactory(
        name="Hanna Herrenberg", municipality=get_region(HERRENBERG), email=EMAIL
    )

    def case_study(title, code, *themenfelder, **kwargs):
        return CaseStudyPageFactory(
            parent=knowledge,
            title=title,
            municipality=get_region(code),
            themenfelder=list(themenfelder),
            **kwargs,
        )

    own = case_study("Bauantrag Herrenberg", HERRENBERG, bauen, contact_person=speaker)
    LearningPageFactory(
        parent=knowledge,
        title="Learning Herrenberg",
        municipality=get_region(HERRENBERG),
        themenfelder=[mobil],
    )
    case_study("Sindelfingen baut und fährt", "08115045", bauen, mobil)  # 2 shared
    case_study("Nürtingen baut", "08116049", bauen)  # 40.773: closer than Leonberg
    case_study("Leonberg baut", "08115028", bauen)  # 49.480
    case_study("Kirchheim Kita", "08116033", familie)  # no shared Themenfeld
    case_study("Reutlingen baut", "08415061", bauen)  # 118.852: too large
    case_study("Erding baut", "09177117", bauen)  # Bayern
    case_study("Stuttgart baut", "08111000", bauen)  # kreisfrei
    series = EventSeriesPageFactory(parent=events)
    hosted = EventPageFactory(
        parent=series, title="Treffen in Herrenberg", host_municipality=get_region(HERRENBERG)
    )
    elsewhere = EventPageFactory(
        parent=series,
        title="Treffen in Stuttgart",
        host_municipality=get_region("08111000"),
        agenda=[AgendaItem(title="Digitaler Bauantrag", speaker=speaker, case_study=own)],
        speakers=[EventSpeaker(person=speaker)],
    )
    RecordingPageFactory(
        parent=elsewhere,
        title="Aufzeichnung Stuttgart",
        chapters=[Chapter(start=754, title="Bauantrag im Detail", speaker=speaker)],
    )
    # English: its own tree, one English case study of Herrenberg.
    english = Locale.objects.get(language_code="en")
    en_home = home.copy_for_translation(english)
    en_home.save_revision().publish()
    en_knowledge = knowledge.copy_for_translation(english)
    en_knowledge.title = "Knowledge"
    en_knowledge.save_revision().publish()
    en_knowledge.refresh_from_db()
    CaseStudyPageFactory(
        parent=en_knowledge, title="Building permit Herrenberg", municipality=get_region(HERRENBERG)
    )
    return {"own": own, "hosted": hosted, "elsewhere": elsewhere}


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_corpus()


pytestmark = pytest.mark.django_db


def test_gemeinde_profile_shows_case_studies_events_and_talks(client, corpus):
    response = client.get(f"/kommunen/{HERRENBERG}/")
    html = soup(response)
    text = html.get_text(" ", strip=True)
    assert html.h1.get_text(strip=True) == "Herrenberg"
    assert "Kommunenprofil" in html.title.text
    assert html.find("link", rel="canonical")["href"] == f"http://testserver/kommunen/{HERRENBERG}/"
    assert "Bauantrag Herrenberg" in text  # case study
    assert "Learning Herrenberg" in text  # learning
    assert "Treffen in Herrenberg" in text  # hosted event
    talks = html.select_one("#profile-talks-heading").find_parent("section")
    talk_text = talks.get_text(" ", strip=True)
    assert "„Digitaler Bauantrag“" in talk_text and "Treffen in Stuttgart" in talk_text
    # The speaker entry of the same person at the same event is folded into the talk.
    assert len(talks.select("li.talk-list__item")) == 2
    assert talks.find("a", href=lambda h: h and h.endswith("#t=754"))
    facts = html.select_one("aside.facts").get_text(" ", strip=True)
    assert "Große Kreisstadt" in facts and "34.192" in facts and "Baden-Württemberg" in facts
    assert html.find("a", href=f"/suche/?ags={HERRENBERG}")
    assert html.find("a", href="/kommunen/08115/")  # its Kreis, also in the breadcrumbs
    # Only the German pages, and never the internal e-mail address.
    assert "Building permit Herrenberg" not in text
    assert EMAIL not in response.content.decode()


def test_kreis_profile_includes_its_gemeinden(client, corpus):
    html = soup(client.get("/kommunen/08115/"))
    cards = html.select_one("#profile-case-studies-heading").find_parent("section")
    text = cards.get_text(" ", strip=True)
    assert {"Bauantrag Herrenberg", "Sindelfingen baut und fährt", "Leonberg baut"} <= {
        a.get_text(strip=True) for a in cards.select(".card__title a")
    }
    assert "Nürtingen baut" not in text  # Landkreis Esslingen
    assert "aus der Gemeinde Herrenberg" in text
    assert html.find("a", href="/suche/?kreis=08115")


def test_kreisfreie_stadt_kreis_key_redirects(client, corpus):
    response = client.get("/kommunen/08111/")
    assert response.status_code == 301 and response["Location"] == "/kommunen/08111000/"
    assert client.get("/kommunen/08111000/").status_code == 200


@pytest.mark.parametrize(
    "key", ["abc", "0811502", "081150211", "08", "99999999", "08115013", "%20", "08115021x"]
)
def test_unknown_malformed_or_empty_keys_are_404(client, corpus, key):
    # 08115013 Ehningen exists but has no content.
    assert client.get(f"/kommunen/{key}/").status_code == 404


def test_english_profile_lists_english_pages_only(client, corpus):
    html = soup(client.get(f"/en/kommunen/{HERRENBERG}/"))
    text = html.get_text(" ", strip=True)
    assert "Building permit Herrenberg" in text
    assert "Bauantrag Herrenberg" not in text and "Treffen in Herrenberg" not in text
    assert html.html["lang"] == "en"
    # Erding has German content only.
    assert client.get("/en/kommunen/09177117/").status_code == 404
    assert client.get("/kommunen/09177117/").status_code == 200


def test_other_language_offered_only_where_the_profile_exists(client, corpus):
    def alternates(html):
        return {link["hreflang"]: link["href"] for link in html.select("link[hreflang]")}

    def switch_to(html, code):
        return html.select_one(f".language-switcher a[hreflang={code}]")

    bilingual = soup(client.get(f"/kommunen/{HERRENBERG}/"))
    assert alternates(bilingual)["en"].endswith(f"/en/kommunen/{HERRENBERG}/")
    german_only = soup(client.get("/kommunen/09177117/"))  # Erding
    assert "en" not in alternates(german_only)
    link = switch_to(german_only, "en")
    assert link is not None and link["href"] == "/en/"


def test_kommunen_wie_meine(client, corpus):
    region = queries.find_region(HERRENBERG)
    profile = queries.build_profile(region, Locale.objects.get(language_code="de"))
    similar = profile.similar
    assert similar.scope == "land"
    assert [item.region.code for item in similar.items] == ["08115045", "08116049", "08115028"]
    assert similar.items[0].reason == (
        "gemeinsame Themenfelder: Bauen & Wohnen, Mobilität & Reisen, 61.422 Einwohner"
    )
    assert similar.population_range == (17096, 68384)
    html = soup(client.get(f"/kommunen/{HERRENBERG}/"))
    box = html.select_one("#similar-heading").find_parent("section")
    assert box.find("a", href="/kommunen/08115045/")
    assert "gemeinsames Themenfeld: Bauen & Wohnen, 40.773 Einwohner" in box.get_text(" ")
    for excluded in ("Kirchheim", "Reutlingen", "Erding", "Stuttgart"):
        assert excluded not in box.get_text(" "), excluded


def test_kommunen_wie_meine_says_when_the_land_has_none(corpus):
    # Erding (Bayern): the comparable ones are all in Baden-Württemberg.
    region = queries.find_region("09177117")
    profile = queries.build_profile(region, Locale.objects.get(language_code="de"))
    assert profile.similar.scope == "elsewhere"
    assert "08116049" in [item.region.code for item in profile.similar.items]


def test_profile_queries_are_bounded(corpus, django_assert_max_num_queries):
    region = queries.find_region("08115")
    with django_assert_max_num_queries(12):
        profile = queries.build_profile(region, Locale.objects.get(language_code="de"))
        assert len(profile.case_studies) == 3  # Herrenberg, Sindelfingen, Leonberg


def test_index_groups_by_land(client, corpus):
    html = soup(client.get("/kommunen/"))
    bw = html.find("h2", id="land-08").find_parent("section")
    assert bw.find("a", href="/kommunen/08115/")  # Landkreis Böblingen with its Gemeinden
    assert bw.find("a", href=f"/kommunen/{HERRENBERG}/")
    assert bw.find("a", href="/kommunen/08111000/")  # Stuttgart as its Gemeinde
    assert not bw.find("a", href="/kommunen/08111/")
    assert html.find("h2", id="land-09")


def test_case_study_links_its_municipality_profile(client, corpus):
    html = soup(client.get(corpus["own"].url))
    link = html.select_one("aside.facts a.profile-link")
    assert link["href"] == f"/kommunen/{HERRENBERG}/"
    assert link.get_text(" ", strip=True) == "Profil von Herrenberg"
