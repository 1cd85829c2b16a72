"""RSS and Atom feeds of new case studies and learnings, read back with ``feedparser``.

The corpus (:func:`build_corpus`) is built once per module and shared with
``test_open_data.py`` and ``tests/ik_cms/test_api_v2.py``: German pages in Baden-
Württemberg and Bayern, an English translation, and pages no visitor may see (a draft,
an unpublished page, a password- and a login-restricted page). The contact person has a
distinctive address that must appear in no feed, export or API response.
"""

import contextlib
import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.factories import HomePageFactory
from home.translation import translate
from knowledge.factories import (
    CaseStudyPageFactory,
    KnowledgeIndexPageFactory,
    LearningPageFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from knowledge.models import CaseStudyPage
from tests.conftest import ensure_reference_data, module_transaction

CONTACT_EMAIL = "geheime.ansprechperson.4711@example.org"
BAUEN = "bauen-und-wohnen"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def set_published(page, days):
    Page.objects.filter(pk=page.pk).update(first_published_at=days_ago(days))


def build_site():
    """What ``site_root`` makes: a German home page as the default site's root, with
    Wissen and Veranstaltungen."""
    from events.factories import EventIndexPageFactory

    ensure_reference_data()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Initiative K", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "IK"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
    events = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    return {"home": home, "knowledge": knowledge, "events": events}


def build_corpus():
    site = build_site()
    knowledge = site["knowledge"]
    english = Locale.objects.get(language_code="en")
    contact = PersonFactory(name="Kim Kontakt", email=CONTACT_EMAIL)
    bauen = get_themenfeld(BAUEN)
    stuttgart = CaseStudyPageFactory(
        parent=knowledge,
        title="Bauanträge digital in Stuttgart – Größe zählt",
        slug="stuttgart-bauantrag",
        municipality=get_region("08111000"),
        leistungen=[10519],
        teaser_text="Bauanträge kommen vollständig online – schnell & übersichtlich.",
        contact_person=contact,
        editor_notes="INTERNE-NOTIZ",
        reusability=CaseStudyPage.Reusability.YES,
        reuse_description="<p>Mit <b>Vorlage</b> &amp; Anleitung für Kommunen.</p>",
        reused_by=["08115021"],
        source_url="https://codefor.de/projekte/bauantrag/",
        source_license="CC BY 4.0 (Open Knowledge Foundation Deutschland e.V.)",
    )
    muenchen = CaseStudyPageFactory(
        parent=knowledge,
        title="Kfz-Zulassung in München",
        slug="muenchen-kfz",
        municipality=get_region("09162000"),
        leistungen=[10439],
        contact_person=contact,
        import_key="kdn-2023-0042",
    )
    learning = LearningPageFactory(
        parent=knowledge,
        title="Früh die Bauaufsicht einbinden",
        slug="bauaufsicht-einbinden",
        municipality=get_region("08111000"),
        themenfelder=[bauen],
    )
    unpublished = CaseStudyPageFactory(
        parent=knowledge, title="Zurückgezogen", slug="zurueckgezogen", leistungen=[10519]
    )
    unpublished.unpublish()
    draft = CaseStudyPage(
        title="Nur ein Entwurf",
        slug="entwurf",
        live=False,
        municipality=get_region("08111000"),
        themenfelder=[bauen],
    )
    knowledge.add_child(instance=draft)
    draft.save_revision()
    private = CaseStudyPageFactory(
        parent=knowledge, title="Mit Passwort", slug="passwort", leistungen=[10519]
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    members = CaseStudyPageFactory(
        parent=knowledge, title="Nur angemeldet", slug="angemeldet", leistungen=[10519]
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    for page, days in ((stuttgart, 30), (muenchen, 20), (learning, 10)):
        set_published(page, days)

    translate(site["home"], english, {})
    translate(knowledge, english, {"Wissen": "Knowledge", "wissen": "knowledge"})
    stuttgart_en = translate(
        stuttgart,
        english,
        {
            stuttgart.title: "Digital building permits in Stuttgart",
            "stuttgart-bauantrag": "stuttgart-building-permit",
        },
    )
    return {
        **site,
        "contact": contact,
        "stuttgart": CaseStudyPage.objects.get(pk=stuttgart.pk),
        "muenchen": CaseStudyPage.objects.get(pk=muenchen.pk),
        "learning": learning,
        "unpublished": unpublished,
        "draft": draft,
        "private": private,
        "members": members,
        "stuttgart_en": stuttgart_en,
        "hidden": [unpublished, draft, private, members],
    }


@contextlib.contextmanager
def module_corpus(django_db_blocker, extend=None):
    """The corpus (plus what ``extend(data)`` adds) in a transaction rolled back at the
    end of the module; each test runs in a savepoint inside it."""
    with module_transaction(django_db_blocker):
        data = build_corpus()
        if extend is not None:
            extend(data)
        yield data
    Site.clear_site_root_paths_cache()


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_corpus(django_db_blocker) as data:
        yield data


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def url(name, *args, language="de"):
    with translation.override(language):
        return reverse(f"syndication:{name}", args=args)


def fetch(client, address):
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    ET.fromstring(response.content)  # well-formed XML
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (address, feed.bozo_exception)
    return feed, response


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_overall_feed(client, db, corpus, kind):
    feed, response = fetch(client, url(f"wissen_{kind}"))
    content_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.title == "Initiative K – Neue Praxisbeispiele und Learnings"
    assert feed.feed.get("subtitle") or feed.feed.get("description")
    assert feed.feed.language == "de"
    # Newest first; the draft, the unpublished, restricted and English pages are absent.
    assert titles(feed) == [
        "Früh die Bauaufsicht einbinden",
        "Kfz-Zulassung in München",
        "Bauanträge digital in Stuttgart – Größe zählt",
    ]
    learning, muenchen, stuttgart = feed.entries
    page = corpus["stuttgart"]
    assert stuttgart.link == page.full_url
    assert stuttgart.id == f"urn:initiative-k:page:{page.pk}"
    assert stuttgart.summary == page.teaser_text
    assert [tag.term for tag in stuttgart.tags] == ["Bauen & Wohnen"]
    assert stuttgart.published_parsed[:3] == page.first_published_at.utctimetuple()[:3]
    assert learning.published_parsed > muenchen.published_parsed > stuttgart.published_parsed
    assert "author_detail" not in stuttgart or "email" not in stuttgart.author_detail
    assert CONTACT_EMAIL not in response.content.decode()
    assert "Kim Kontakt" not in response.content.decode()


def test_scoped_feeds(client, db, corpus):
    rss, _ = fetch(client, url("themenfeld_rss", BAUEN))
    atom, _ = fetch(client, url("themenfeld_atom", BAUEN))
    expected = ["Früh die Bauaufsicht einbinden", "Bauanträge digital in Stuttgart – Größe zählt"]
    assert titles(rss) == titles(atom) == expected
    assert rss.feed.title == "Initiative K – Neues im Themenfeld Bauen & Wohnen"
    assert rss.feed.link.endswith("/wissen/?themenfeld=bauen-und-wohnen")

    bayern, _ = fetch(client, url("land_rss", "09"))
    assert titles(bayern) == ["Kfz-Zulassung in München"]
    assert bayern.feed.title == "Initiative K – Neues aus Bayern"
    bw, response = fetch(client, url("land_atom", "08"))
    assert titles(bw) == expected
    assert CONTACT_EMAIL not in response.content.decode()
    empty, _ = fetch(client, url("land_rss", "11"))  # Berlin: nothing yet, still valid
    assert empty.entries == []


def test_english_feed_lists_english_pages_only(client, db, corpus):
    feed, _ = fetch(client, url("wissen_atom", language="en"))
    assert titles(feed) == ["Digital building permits in Stuttgart"]
    assert feed.feed.title == "Initiative K – New case studies and learnings"
    assert feed.entries[0].link.startswith("http://localhost/en/")


@pytest.mark.parametrize(
    "address",
    [
        "/feeds/themenfeld/gibt-es-nicht.rss",
        "/feeds/land/99.rss",
        "/feeds/land/8.atom",
        "/feeds/land/081.rss",
        "/feeds/land/xx.atom",
        "/feeds/wissen.xml",
    ],
)
def test_unknown_or_malformed_scope_is_404(client, db, corpus, address):
    assert client.get(address).status_code == 404


def test_feeds_are_linked(client, db, corpus):
    html = client.get(corpus["knowledge"].url).content.decode()
    assert 'type="application/rss+xml" title="' in html  # <head> of every page
    assert f'href="{url("wissen_atom")}"' in html
    assert f'href="{url("overview")}"' in html
    assert f'href="{url("case_studies_csv")}"' in html
    overview = client.get(url("overview"))
    assert overview.status_code == 200
    text = overview.content.decode()
    assert url("themenfeld_rss", BAUEN) in text and url("land_atom", "09") in text
    assert "Datenlizenz Deutschland" in text
