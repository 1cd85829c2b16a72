"""Every page type can be created in the admin at its allowed parents and nowhere else."""

import pytest
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from events.factories import EventPageFactory, EventSeriesPageFactory
from events.models import (
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    RecordingPage,
)
from home.models import HomePage, StandardPage
from knowledge.factories import get_region
from knowledge.models import CaseStudyPage, KnowledgeIndexPage, LearningPage

ALL_TYPES = [
    HomePage,
    StandardPage,
    KnowledgeIndexPage,
    CaseStudyPage,
    LearningPage,
    EventIndexPage,
    EventSeriesPage,
    EventPage,
    RecordingPage,
]


class TestPageTree(WagtailPageTestCase):
    def test_home(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {KnowledgeIndexPage, EventIndexPage, StandardPage})

    def test_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_knowledge(self):
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(KnowledgeIndexPage, {CaseStudyPage, LearningPage})
        for leaf in (CaseStudyPage, LearningPage):
            self.assertAllowedParentPageTypes(leaf, {KnowledgeIndexPage})
            self.assertAllowedSubpageTypes(leaf, set())

    def test_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventSeriesPage})
        self.assertAllowedParentPageTypes(EventSeriesPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventSeriesPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventSeriesPage})
        self.assertAllowedSubpageTypes(EventPage, {RecordingPage})
        self.assertAllowedParentPageTypes(RecordingPage, {EventPage})
        self.assertAllowedSubpageTypes(RecordingPage, set())


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def admin_create(client, model, parent, **fields):
    """Fill the admin's own add form (as rendered) and publish."""
    response = client.get(add_url(model, parent))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript: post them empty, as a browser would.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for key, value in fields.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    data["action-publish"] = "action-publish"
    return client.post(add_url(model, parent), data)


@pytest.fixture
def tree(site_root):
    series = EventSeriesPageFactory(parent=site_root["events"])
    event = EventPageFactory(parent=series)
    return {**site_root, "series": series, "event": event}


def created(model, title):
    page = model.objects.get(title=title)
    assert page.live
    return page


@pytest.mark.django_db
def test_create_every_type_in_the_admin(admin_client, tree):
    home, knowledge, events = tree["home"], tree["knowledge"], tree["events"]
    admin_create(admin_client, StandardPage, home, title="Impressum", slug="impressum")
    admin_create(
        admin_client,
        StandardPage,
        created(StandardPage, "Impressum"),
        title="Unterseite",
        slug="unterseite",
    )
    created(StandardPage, "Unterseite")

    admin_create(
        admin_client,
        CaseStudyPage,
        knowledge,
        title="Digitaler Bauantrag",
        slug="digitaler-bauantrag",
        municipality="08436064",
        status="betrieb",
    )
    case_study = created(CaseStudyPage, "Digitaler Bauantrag")
    assert (case_study.land_id, case_study.kreis_id) == ("08", "08436")

    admin_create(
        admin_client,
        LearningPage,
        knowledge,
        title="Früh testen",
        slug="frueh-testen",
        kind="empfehlung",
    )
    created(LearningPage, "Früh testen")

    admin_create(
        admin_client,
        EventSeriesPage,
        events,
        title="Bayern 2022",
        slug="bayern-2022",
        land="09",
        period_start="2022-01-01",
    )
    assert created(EventSeriesPage, "Bayern 2022").land_id == "09"

    admin_create(
        admin_client,
        EventPage,
        tree["series"],
        title="Auftakt",
        slug="auftakt",
        host_municipality="05762",
        start="2021-05-11 10:00",
        end="2021-05-11 12:00",
    )
    event = created(EventPage, "Auftakt")
    assert (event.land_id, event.kreis_id) == ("05", "05762")
    assert event.start.isoformat() == "2021-05-11T08:00:00+00:00"  # 10:00 CEST

    admin_create(
        admin_client,
        RecordingPage,
        tree["event"],
        title="Mitschnitt",
        slug="mitschnitt",
        video_url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    )
    created(RecordingPage, "Mitschnitt")


@pytest.mark.django_db
def test_admin_form_rejects_incomplete_pages(admin_client, tree):
    admin_create(
        admin_client,
        EventPage,
        tree["series"],
        title="Falsch herum",
        slug="fh",
        host_municipality="05762",
        start="2021-05-11 12:00",
        end="2021-05-11 10:00",
    )
    admin_create(admin_client, RecordingPage, tree["event"], title="Ohne Video", slug="ov")
    assert not EventPage.objects.filter(title="Falsch herum").exists()
    assert not RecordingPage.objects.filter(title="Ohne Video").exists()


@pytest.mark.django_db
def test_no_page_type_can_be_created_elsewhere(admin_client, tree):
    parents = {
        HomePage: tree["home"],
        KnowledgeIndexPage: tree["knowledge"],
        EventIndexPage: tree["events"],
        EventSeriesPage: tree["series"],
        EventPage: tree["event"],
    }
    checked = 0
    for parent_model, parent in parents.items():
        allowed = set(parent_model.allowed_subpage_models())
        for model in ALL_TYPES:
            if model in allowed:
                continue
            before = Page.objects.count()
            # Wagtail answers a forbidden page type with "permission denied" and a
            # redirect to the dashboard, for GET and for a crafted POST alike.
            for response in (
                admin_client.get(add_url(model, parent)),
                admin_client.post(
                    add_url(model, parent), {"title": "x", "slug": "x", "action-publish": "1"}
                ),
            ):
                assert (response.status_code, response.get("Location")) == (302, "/admin/")
            assert Page.objects.count() == before
            checked += 1
    assert checked > 30


@pytest.mark.django_db
def test_land_and_kreis_follow_the_municipality(tree):
    from knowledge.factories import CaseStudyPageFactory

    page = CaseStudyPageFactory(parent=tree["knowledge"], municipality=get_region("09162000"))
    assert (page.land_id, page.kreis_id) == ("09", "09162")
    page.municipality = get_region("05762")  # a Kreis
    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.land_id, page.kreis_id) == ("05", "05762")
    panel_fields = set(CaseStudyPage.get_edit_handler().get_form_class()().fields)
    assert "municipality" in panel_fields
    assert not {"land", "kreis"} & panel_fields
