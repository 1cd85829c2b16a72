import io

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
