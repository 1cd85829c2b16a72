"""Fixtures of the search tests."""

import pytest

from events.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    RecordingPageFactory,
    berlin,
)
from knowledge.factories import (
    CaseStudyPageFactory,
    LearningPageFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from tests.conftest import build_site_root, fresh, module_transaction

MUENCHEN, AUGSBURG, STUTTGART = "09162000", "09761000", "08111000"


@pytest.fixture(scope="module")
def search_corpus(django_db_setup, django_db_blocker):
    """The pages below, built once per module (see ``module_transaction``)."""
    with module_transaction(django_db_blocker):
        root = build_site_root()
        yield {"site_root": root, "pages": build_pages(root)}


@pytest.fixture
def pages(search_corpus, db):
    return fresh(search_corpus["pages"])


@pytest.fixture
def corpus_root(search_corpus, db):
    """The ``site_root`` of ``pages`` (``site_root`` itself would make a new site)."""
    return fresh(search_corpus["site_root"])


def build_pages(site_root):
    knowledge = site_root["knowledge"]
    person = PersonFactory(name="Erika Muster", email="erika.muster@example.org")
    series = EventSeriesPageFactory(parent=site_root["events"])
    event_muc = EventPageFactory(
        parent=series,
        title="Digitaltag München",
        start=berlin(2021, 5, 11, 10),
        end=berlin(2021, 5, 11, 12),
        host_municipality=get_region(MUENCHEN),
    )
    return {
        "cs_muc": CaseStudyPageFactory(
            parent=knowledge,
            title="Digitaler Bauantrag",
            teaser_text="Der Bauantrag <online> & ohne Papier.",
            municipality=get_region(MUENCHEN),
            status="betrieb",
            leistungen=[10519],
            contact_person=person,
        ),
        "cs_stgt": CaseStudyPageFactory(
            parent=knowledge,
            title="Elterngeld online",
            municipality=get_region(STUTTGART),
            status="pilot",
            leistungen=[10000],
        ),
        "cs_aug": CaseStudyPageFactory(
            parent=knowledge,
            title="Kita-Portal",
            municipality=get_region(AUGSBURG),
            status="betrieb",
            leistungen=[10019],
        ),
        "learning": LearningPageFactory(
            parent=knowledge,
            title="Beim Bauantrag das Fachamt einbinden",
            municipality=get_region(MUENCHEN),
            themenfelder=[get_themenfeld("Bauen & Wohnen")],
        ),
        "event_muc": event_muc,
        "recording": RecordingPageFactory(parent=event_muc, title="Aufzeichnung Digitaltag"),
        "event_stgt": EventPageFactory(
            parent=series,
            title="Netzwerktreffen Stuttgart",
            start=berlin(2022, 3, 1, 10),
            end=berlin(2022, 3, 1, 12),
            host_municipality=get_region(STUTTGART),
        ),
    }
