import datetime

import pytest
from wagtail.test.utils import WagtailTestUtils

from knowledge.factories import (
    CaseStudyPageFactory,
    OrganisationFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from knowledge.models import CaseStudyPage, CaseStudyPartnerMunicipality, CaseStudyReuse
from tests.utils import facts, soup, template_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(site_root):
    contact = PersonFactory(
        name="Erika Beispiel",
        role="Digitalisierungsbeauftragte",
        municipality=get_region("08115021"),
        email="erika.beispiel@example.org",
    )
    return CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Digitaler Bauantrag in Herrenberg",
        municipality=get_region("08115021"),
        leistungen=[10519],
        themenfelder=[get_themenfeld("Bauen & Wohnen")],
        status=CaseStudyPage.Status.LIVE,
        start_date=datetime.date(2020, 3, 1),
        go_live_date=datetime.date(2021, 6, 14),
        effort_band=CaseStudyPage.EffortBand.S,
        funding="Förderprogramm Digitale Zukunftskommune@bw",
        software="Bauportal BW",
        partners=[OrganisationFactory(name="Beispiel-IT GmbH")],
        reusability=CaseStudyPage.Reusability.YES,
        reuse_description="<p>Die Antragsstrecke steht allen Kommunen offen.</p>",
        reuse_links=[CaseStudyReuse(region=get_region("08115003"))],
        partner_municipality_links=[CaseStudyPartnerMunicipality(region=get_region("08115"))],
        contact_person=contact,
        source_url="https://example.org/quelle",
        source_license="CC BY 4.0",
    )


def test_renders_with_its_template(client, case_study):
    response = client.get(case_study.url)
    assert "knowledge/case_study_page.html" in template_names(response)
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Digitaler Bauantrag in Herrenberg"
    assert html.html["lang"] == "de"


def test_facts_box(client, case_study):
    box = facts(soup(client.get(case_study.url)))
    assert box["Kommune"].startswith("Herrenberg")
    assert box["Kreis"] == "Landkreis Böblingen"
    assert box["Land"] == "Baden-Württemberg"
    assert "Bauen & Wohnen" in box["Themenfelder"]
    assert "Bauvorbescheid und Baugenehmigung" in box["OZG-Leistungen"]
    assert box["Status"] == "Im Betrieb"
    assert "14. Juni 2021" in box["Go-live"]
    assert "nachnutzbar" in box["Nachnutzung"]
    assert "Erika Beispiel" in box["Ansprechperson"]


def test_contact_email_never_shown(client, case_study):
    assert b"erika.beispiel@example.org" not in client.get(case_study.url).content


def test_source_and_licence_shown(client, case_study):
    html = soup(client.get(case_study.url))
    assert html.find("a", href="https://example.org/quelle")
    assert "CC BY 4.0" in html.get_text()


def test_every_taxonomy_value_links_to_its_filtered_listing(client, case_study, site_root):
    other = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Kita-Portal Köln",
        municipality=get_region("05315000"),
        leistungen=[10019],
    )
    box = soup(client.get(case_study.url)).select_one("aside.facts")
    links = [a["href"] for a in box.find_all("a") if a["href"].startswith("/wissen/?")]
    expected = {
        "/wissen/?ags=08115021",
        "/wissen/?kreis=08115",
        "/wissen/?land=08",
        "/wissen/?themenfeld=bauen-und-wohnen",
        "/wissen/?ozg=10519",
        "/wissen/?status=betrieb",
    }
    assert expected <= set(links)
    for link in expected:
        listing = soup(client.get(link)).get_text()
        assert case_study.title in listing, link
        if link != "/wissen/?status=betrieb":
            assert other.title not in listing, link


def test_themenfelder_of_leistungen_are_added(case_study):
    case_study.ozg_leistungen.create(leistung_id=10000)  # Elterngeld: Familie & Kind
    case_study.save_revision().publish()
    case_study.refresh_from_db()
    names = set(case_study.themenfelder.values_list("name", flat=True))
    assert {"Bauen & Wohnen", "Familie & Kind"} <= names


class TestAdminEditing(WagtailTestUtils):
    def test_case_study_is_editable(self, admin_client, case_study):
        response = admin_client.get(f"/admin/pages/{case_study.pk}/edit/")
        assert response.status_code == 200
        assert b"Steckbrief" not in response.content  # admin, not the public template
        assert "Herrenberg" in response.content.decode()
