"""No N+1: a page costs the same number of queries with 2 or with MANY (25) related items
(more than any listing on the page shows)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import EventPageFactory, EventSeriesPageFactory
from events.models import AgendaItem, EventSpeaker
from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    OrganisationFactory,
    PersonFactory,
)
from knowledge.models import (
    CaseStudyPartnerMunicipality,
    CaseStudyReuse,
    Leistung,
    Region,
    Themenfeld,
)

pytestmark = pytest.mark.django_db

# Stated in the issue notes; a change is a deliberate decision, not an accident.
MANY = 25
# One more query each since the language switcher and hreflang (the page's translations).
# Case study: +2 for "Verwandte Inhalte" (private sections, scored candidates; with
# candidates two prefetches more, whatever their number: tests/knowledge/test_related.py).
# Home: +2 for the Länder map (case studies and events per Land, one grouped query each).
EXPECTED = {"home": 17, "case_study": 26, "event": 22}


def count_queries(client, url):
    client.get(url)  # warm caches that do not depend on the page (site, settings)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def make_case_study(parent, n):
    gemeinden = list(Region.objects.filter(level="gemeinde", land_id="08")[:n])
    return CaseStudyPageFactory(
        parent=parent,
        leistungen=list(Leistung.objects.order_by("ozg_id")[:n]),
        themenfelder=list(Themenfeld.objects.all()[:n]),
        partners=[OrganisationFactory() for _ in range(n)],
        reuse_links=[CaseStudyReuse(region=r) for r in gemeinden],
        partner_municipality_links=[CaseStudyPartnerMunicipality(region=r) for r in gemeinden],
        contact_person=PersonFactory(),
    )


def make_event(parent, knowledge, n):
    people = [PersonFactory() for _ in range(n)]
    case_studies = [CaseStudyPageFactory(parent=knowledge) for _ in range(n)]
    return EventPageFactory(
        parent=parent,
        greeting_by=people[0],
        agenda=[
            AgendaItem(kind=AgendaItem.Kind.IMPULSE, title=f"Impuls {i}", speaker=p, case_study=c)
            for i, (p, c) in enumerate(zip(people, case_studies, strict=True))
        ],
        speakers=[EventSpeaker(person=p) for p in people],
    )


@pytest.mark.parametrize("n", [2, MANY])
def test_case_study(client, site_root, n):
    page = make_case_study(site_root["knowledge"], n)
    assert page.ozg_leistungen.count() == n and page.reuse_links.count() == n
    assert count_queries(client, page.url) == EXPECTED["case_study"]


@pytest.mark.parametrize("n", [2, MANY])
def test_event(client, site_root, n):
    series = EventSeriesPageFactory(parent=site_root["events"])
    page = make_event(series, site_root["knowledge"], n)
    assert page.agenda.count() == n
    assert count_queries(client, page.url) == EXPECTED["event"]


@pytest.mark.parametrize("n", [2, MANY])
def test_home(client, site_root, n):
    knowledge = site_root["knowledge"]
    series = EventSeriesPageFactory(parent=site_root["events"])
    themenfelder = list(Themenfeld.objects.all()[:3])
    for i in range(n):
        CaseStudyPageFactory(parent=knowledge, themenfelder=themenfelder)
        LearningPageFactory(parent=knowledge, themenfelder=themenfelder)
        start = timezone.localtime() + datetime.timedelta(days=i + 1)
        EventPageFactory(parent=series, start=start, end=start + datetime.timedelta(hours=2))
    assert count_queries(client, "/") == EXPECTED["home"]
