import io
import re
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from events.models import EventPage, EventSeriesPage, RecordingPage
from home.models import HomePage, SiteSettings, StandardPage
from knowledge.models import CaseStudyPage, LearningPage, Person
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_build(django_db_setup, django_db_blocker):
    """The demo site, built once for the module (12 s) and rolled back after it."""
    from tests.conftest import ensure_reference_data

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ensure_reference_data()
            out = io.StringIO()
            call_command("load_demo_content", admin_password="demo-test-password", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_build, db):
    return demo_build


def tree_fingerprint():
    return sorted(Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id"))


def test_demo_content(demo):
    assert "password: demo-test-password" in demo
    case_studies = CaseStudyPage.objects.live()
    assert case_studies.count() >= 20
    assert len(set(case_studies.values_list("land_id", flat=True))) >= 6
    assert (
        len(set(case_studies.exclude(themenfelder=None).values_list("themenfelder", flat=True)))
        >= 8
    )
    assert LearningPage.objects.live().count() >= 10
    recordings = RecordingPage.objects.live()
    assert recordings.count() >= 3
    for recording in recordings:
        assert recording.chapters.count() >= 3 and recording.transcript.exists()
    corpus = case_studies.exclude(source_url="")
    assert corpus.exists()
    assert all(p.source_license.startswith("CC BY") for p in corpus)
    assert StandardPage.objects.filter(title="Impressum", show_data_sources=True).exists()
    assert {"Datenschutz", "Barrierefreiheit"} <= {
        word
        for title in StandardPage.objects.values_list("title", flat=True)
        for word in ("Datenschutz", "Barrierefreiheit")
        if word in title
    }


def test_real_event_series(demo):
    hosts = {
        e.host_municipality_id: e.start.astimezone().date().isoformat()
        for e in EventPage.objects.all()
    }
    assert hosts["08436064"] == "2021-05-11"  # Ravensburg
    assert hosts["08326074"] == "2021-05-18"  # Villingen-Schwenningen
    assert hosts["08115021"] == "2021-06-14"  # Herrenberg
    assert {"05762", "05162", "05754008", "05170"} <= set(hosts)  # Höxter, Neuss, GT, Wesel
    assert any(code.startswith("05766") for code in hosts)  # Bad Salzuflen (Kreis Lippe)
    bayern = EventSeriesPage.objects.get(land_id="09")
    assert not EventPage.objects.child_of(bayern).exists()


def test_site_and_locales(demo, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.imprint_page and settings.privacy_page and settings.accessibility_page
    assert soup(client.get("/")).html["lang"] == "de"
    assert soup(client.get("/en/")).html["lang"] == "en"


def test_every_demo_page_renders(demo, client):
    personal_emails = [e.encode() for e in Person.objects.values_list("email", flat=True) if e]
    assert len(personal_emails) > 10
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 50
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        assert not [e for e in personal_emails if e in response.content], url


def test_running_twice_changes_nothing(demo):
    before = tree_fingerprint()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert tree_fingerprint() == before


# --- no contact address anywhere ---------------------------------------------------------

# Where a visitor or a program can read the site: every link a crawl from both home
# pages finds (pages, profiles, contact forms, feeds, exports, iCalendar files), and the
# APIs, whose URLs no page links to.
API_URLS = [
    "/api/search/?page_size=50",
    "/api/search/?page_size=50&lang=en",
    "/api/search/?q=Ansprechperson&page_size=50",
    "/api/search/suggest/?q=digital",
    "/api/openapi.json",
    "/api/v2/pages/?limit=20&type=knowledge.CaseStudyPage&fields=*",
    "/api/v2/pages/?limit=20&type=knowledge.CaseStudyPage&fields=*&locale=en",
    "/api/v2/pages/?limit=20&type=events.EventPage&fields=*",
    "/api/v2/pages/?limit=20&type=events.RecordingPage&fields=*",
]
SKIPPED_PREFIXES = ("/admin/", "/dokumente/", "/static/", "/media/")
FEED_TYPES = ("application/rss+xml", "application/atom+xml")


def public_links(response, url):
    """Same-site URLs a response links to (HTML: a, link; feeds: link elements)."""
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        html = soup(response)
        hrefs = [a["href"] for a in html.select("a[href], link[href]")]
    elif "xml" in content_type:
        hrefs = re.findall(rb"<link[^>]*?href=\"([^\"]+)\"|<link>([^<]+)</link>", response.content)
        hrefs = [(a or b).decode() for a, b in hrefs]
    else:
        return []
    links = []
    for href in hrefs:
        parts = urlsplit(urljoin("http://testserver" + url, href))
        if parts.netloc not in ("testserver", "localhost") or parts.path.startswith(
            SKIPPED_PREFIXES
        ):
            continue
        links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def test_no_contact_address_in_any_public_response(demo, client):
    addresses = {e.lower() for e in Person.objects.values_list("email", flat=True) if e}
    assert len(addresses) > 10
    queue = ["/", "/en/", *API_URLS]
    queue += [
        f"/api/v2/pages/{pk}/"
        for pk in Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True)
    ]
    seen, kinds, with_query, found_on = set(), set(), 0, {}  # found_on: for the messages
    while queue and len(seen) < 1500:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        assert response.status_code == 200, (url, found_on.get(url))
        text = unquote(unescape(response.getvalue().decode("utf-8-sig", "replace"))).lower()
        leaked = [a for a in addresses if a in text]
        assert not leaked, (url, leaked)
        kinds.add(response["Content-Type"].split(";")[0])
        for link in public_links(response, url):
            if "?" in link:  # search and filter links: a sample, not every combination
                with_query += 1
                if with_query > 60:
                    continue
            queue.append(link)
            found_on.setdefault(link, url)
    assert not queue, f"crawl stopped early: {len(queue)} left"
    paths = " ".join(seen)
    for expected in ("/kommunen/", "/kontakt/", ".ics", "/api/v2/pages/", "/api/search/"):
        assert expected in paths, expected
    assert {"text/html", "application/json", "text/csv", "text/calendar"} <= kinds, kinds
    assert len(seen) > 200, len(seen)
    assert set(FEED_TYPES) <= kinds, kinds
