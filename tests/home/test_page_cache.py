import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.factories import CaseStudyPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    from home.page_cache import purge

    settings.PAGE_CACHE_SECONDS = 300
    purge()
    yield
    purge()


@pytest.fixture
def case_study(site_root):
    return CaseStudyPageFactory(parent=site_root["knowledge"], title="Erste Fassung")


def test_second_visit_is_served_from_the_cache_without_queries(client, case_study):
    first = client.get(case_study.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(case_study.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_publishing_purges(client, case_study):
    client.get(case_study.url)
    case_study.title = "Zweite Fassung"
    case_study.save_revision().publish()
    response = client.get(case_study.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Zweite Fassung" in response.content.decode()


def test_unpublishing_purges(client, case_study):
    assert client.get(case_study.url).status_code == 200
    case_study.unpublish()
    assert client.get(case_study.url).status_code == 404


def test_editing_a_snippet_purges(client, site_root):
    person = PersonFactory(name="Alte Ansprechperson")
    page = CaseStudyPageFactory(parent=site_root["knowledge"], contact_person=person)
    assert "Alte Ansprechperson" in client.get(page.url).content.decode()
    person.name = "Neue Ansprechperson"
    person.save()
    assert "Neue Ansprechperson" in client.get(page.url).content.decode()


def test_logged_in_editors_always_get_a_fresh_page(admin_client, client, case_study):
    client.get(case_study.url)  # cached for anonymous visitors
    response = admin_client.get(case_study.url)
    assert "X-Page-Cache" not in response
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(case_study.url)
    assert len(queries) > 0


def test_errors_and_non_page_views_are_not_cached(client, site_root, case_study):
    for _ in range(2):
        bad = client.get(site_root["knowledge"].url, {"land": "99"})
        assert bad.status_code == 400 and "X-Page-Cache" not in bad
        search = client.get("/suche/", {"q": "Fassung"})
        assert "X-Page-Cache" not in search
        assert client.get("/gibt-es-nicht/").status_code == 404


def test_switched_off_with_zero_seconds(client, case_study, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(case_study.url)
    assert "X-Page-Cache" not in client.get(case_study.url)
