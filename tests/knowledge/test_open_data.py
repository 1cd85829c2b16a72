"""All published case studies as CSV and JSON (open data), with the data licence."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from knowledge.syndication.open_data import CSV_FIELDS
from tests.knowledge.test_feeds import CONTACT_EMAIL, module_corpus, url

LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
DATA_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_corpus(django_db_blocker) as data:
        yield data


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def get_json(client, language="de"):
    response = client.get(url("case_studies_json", language=language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content), response


def test_json_export(client, db, corpus):
    data, response = get_json(client)
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    assert data["licence"] == {
        "name": DATA_LICENCE,
        "id": "dl-de/by-2-0",
        "url": LICENCE_URL,
    }
    assert "Initiative K" in data["attribution"] and data["generated"]
    assert any("Destatis" in line for line in data["reference_data"])
    assert data["language"] == "de"
    # Published German case studies only, oldest first: no draft, unpublished,
    # restricted or English page, and no learning.
    assert data["count"] == 2
    stuttgart, muenchen = data["records"]
    assert set(stuttgart) == set(CSV_FIELDS) - {"themenfeld_slugs", "themenfeld_names"} | {
        "themenfelder"
    }
    page = corpus["stuttgart"]
    assert stuttgart["id"] == page.pk
    assert stuttgart["title"] == "Bauanträge digital in Stuttgart – Größe zählt"
    assert stuttgart["url"] == page.full_url
    assert stuttgart["municipality_ags"] == "08111000"
    assert stuttgart["municipality_name"] == "Stuttgart"
    assert (stuttgart["land_code"], stuttgart["land_name"]) == ("08", "Baden-Württemberg")
    assert stuttgart["ozg_ids"] == [10519]
    assert stuttgart["themenfelder"] == [{"slug": "bauen-und-wohnen", "name": "Bauen & Wohnen"}]
    assert (stuttgart["status"], stuttgart["status_label"]) == ("betrieb", "Im Betrieb")
    assert (stuttgart["start_date"], stuttgart["go_live_date"]) == ("2020-09-01", "2021-10-01")
    assert stuttgart["first_published_at"].startswith(page.first_published_at.date().isoformat())
    assert stuttgart["reusability"] == "ja"
    assert stuttgart["reuse_description"] == "Mit Vorlage & Anleitung für Kommunen."
    assert stuttgart["reused_by"] == ["08115021"]
    assert stuttgart["text_source"] == "https://codefor.de/projekte/bauantrag/"
    assert stuttgart["text_licence"].startswith("CC BY 4.0")
    assert stuttgart["import_key"] is None and stuttgart["language"] == "de"
    # An editorial text is under the site's data licence; the import key is kept.
    assert muenchen["import_key"] == "kdn-2023-0042"
    assert muenchen["text_source"] == corpus["muenchen"].full_url
    assert (
        muenchen["text_licence"]
        == "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
    )
    body = response.content.decode()
    assert CONTACT_EMAIL not in body and "Kim Kontakt" not in body and "INTERNE-NOTIZ" not in body


def test_english_export_lists_english_pages(client, db, corpus):
    data, _ = get_json(client, language="en")
    assert [r["title"] for r in data["records"]] == ["Digital building permits in Stuttgart"]
    assert data["records"][0]["language"] == "en"
    assert data["records"][0]["url"].startswith("http://localhost/en/")
    response = client.get(url("case_studies_csv", language="en"))
    assert 'filename="praxisbeispiele-en.csv"' in response["Content-Disposition"]


def test_csv_export(client, db, corpus):
    response = client.get(url("case_studies_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="praxisbeispiele.csv"'
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheet programs
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == CSV_FIELDS
    assert [row["title"] for row in rows] == [
        "Bauanträge digital in Stuttgart – Größe zählt",
        "Kfz-Zulassung in München",
    ]
    stuttgart = rows[0]
    assert stuttgart["ozg_ids"] == "10519"
    assert stuttgart["themenfeld_slugs"] == "bauen-und-wohnen"
    assert stuttgart["themenfeld_names"] == "Bauen & Wohnen"
    assert stuttgart["municipality_name"] == "Stuttgart"
    assert stuttgart["land_name"] == "Baden-Württemberg"
    assert stuttgart["teaser"] == "Bauanträge kommen vollständig online – schnell & übersichtlich."
    assert stuttgart["import_key"] == "" and rows[1]["import_key"] == "kdn-2023-0042"
    assert CONTACT_EMAIL not in text and "Kim Kontakt" not in text


def test_export_queries_are_bounded(client, db, corpus):
    client.get(url("case_studies_json"))  # warm the site caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("case_studies_json")).status_code == 200
    # Pages, locales/regions joined, one query per prefetched relation: independent of
    # the number of case studies.
    assert len(queries) <= 6, [q["sql"][:120] for q in queries.captured_queries]


def test_export_is_read_only(client, db, corpus):
    assert client.post(url("case_studies_csv")).status_code == 405
