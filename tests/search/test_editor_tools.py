"""Editors' tools: promoted results, query logging, the report of searches without hits."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from knowledge.factories import CaseStudyPageFactory
from search.models import UnansweredQuery
from tests.utils import soup

pytestmark = pytest.mark.django_db


def test_every_search_is_logged(client, site_root):
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    client.get("/suche/", {"q": "Bauantrag"})
    client.get("/suche/", {"q": "  BAUANTRAG "})
    assert Query.get("bauantrag").hits == 2
    assert not UnansweredQuery.objects.exists()


def test_searches_without_results_are_counted(client, site_root):
    for _ in range(3):
        client.get("/suche/", {"q": "Raumfahrtbehörde"})
    client.get("/en/search/", {"q": "Raumfahrtbehörde"})
    counts = {
        (e.query.query_string, e.locale.language_code): e.count
        for e in UnansweredQuery.objects.select_related("query", "locale")
    }
    assert counts == {("raumfahrtbehörde", "de"): 3, ("raumfahrtbehörde", "en"): 1}


def test_empty_query_is_not_logged(client, site_root):
    client.get("/suche/", {"q": "   "})
    assert not Query.objects.exists()


def test_promoted_result_is_shown_first(client, site_root):
    promoted = CaseStudyPageFactory(parent=site_root["knowledge"], title="Gut gelöst")
    SearchPromotion.objects.create(
        query=Query.get("kita"), page=promoted, description="Unsere Empfehlung", sort_order=0
    )
    html = soup(client.get("/suche/", {"q": "Kita"}))
    box = html.find(class_="promotions")
    assert box and box.find("a", href=promoted.url)
    assert "Unsere Empfehlung" in box.get_text()


def test_report_lists_the_most_frequent_unanswered_searches(admin_client, client, site_root):
    for query, times in (("Raumfahrt", 1), ("Zeitreise", 3)):
        for _ in range(times):
            client.get("/suche/", {"q": query})
    response = admin_client.get("/admin/reports/suchen-ohne-treffer/")
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert text.index("zeitreise") < text.index("raumfahrt")
    assert "/admin/searchpicks/add/?query=zeitreise" in response.content.decode()
    csv = admin_client.get("/admin/reports/suchen-ohne-treffer/", {"export": "csv"})
    assert b"zeitreise" in b"".join(csv.streaming_content) if csv.streaming else csv.content


def test_report_needs_permission(client, site_root, django_user_model):
    editor = django_user_model.objects.create_user("redakteur", password="x" * 12)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/reports/suchen-ohne-treffer/")
    assert response.status_code in (302, 403)
