import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from knowledge.importer import import_lines
from knowledge.models import CaseStudyPage, LearningPage
from search.models import SearchDocument
from tests.utils import soup

pytestmark = pytest.mark.django_db

GOOD = {
    "key": "kdn-2023-0001",
    "type": "case_study",
    "title": "Digitale Hundesteuer in Ulm",
    "summary": "Die Anmeldung des Hundes geht online.",
    "body": "# Digitale Hundesteuer in Ulm\n\nDie **Hundesteuer** geht online.\n\n- schnell\n",
    "municipality_ags": "08421000",
    "ozg_ids": [10160],
    "themenfelder": ["querschnitt"],
    "published": "2023-04-01",
    "source_url": "https://example.org/hundesteuer",
    "license": "CC BY 4.0",
    "locale": "de",
}
LEARNING = {
    "key": "l-1",
    "type": "learning",
    "title": "Früh testen",
    "body": "Mit echten Nutzenden.",
    "municipality_ags": "05762",
    "themenfelder": ["Bauen & Wohnen"],
}


def lines(*records):
    return [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]


def run(tmp_path, *records, publish=True):
    path = tmp_path / "import.jsonl"
    path.write_text("\n".join(lines(*records)) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = [str(path)] + (["--publish"] if publish else [])
    try:
        call_command("import_knowledge", *args, stdout=out, stderr=err)
        failed = False
    except CommandError:
        failed = True
    return failed, out.getvalue(), err.getvalue()


def test_imports_and_publishes(tmp_path, site_root, client):
    failed, out, err = run(tmp_path, GOOD, LEARNING)
    assert not failed, err
    assert "2 neu" in out
    page = CaseStudyPage.objects.get(import_key="kdn-2023-0001")
    assert page.live and page.get_parent().pk == site_root["knowledge"].pk
    assert (page.municipality_id, page.land_id, page.kreis_id) == ("08421000", "08", "08421")
    assert [x.leistung_id for x in page.ozg_leistungen.all()] == [10160]
    assert {"querschnitt"} <= set(page.themenfelder.values_list("slug", flat=True))
    assert page.first_published_at.date().isoformat() == "2023-04-01"
    html = soup(client.get(page.url))
    assert html.find("b", string="Hundesteuer")
    assert html.find("a", href="https://example.org/hundesteuer")
    learning = LearningPage.objects.get(import_key="l-1")
    assert learning.kreis_id == "05762"
    # Indexed: Wagtail's search finds the imported page.
    assert page in CaseStudyPage.objects.live().search("Hundesteuer")
    # Published as Wagtail would: its one revision is live, the audit log says so, the
    # reference index and the search document know it.
    assert not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id is not None
    assert page.last_published_at is not None
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    assert ReferenceIndex.objects.filter(object_id=str(page.pk)).exists()
    assert SearchDocument.objects.get(page_id=page.pk).ozg == "10160"


def test_running_twice_changes_nothing(tmp_path, site_root):
    run(tmp_path, GOOD, LEARNING)
    before = (Page.objects.count(), Revision.objects.count())
    failed, out, _ = run(tmp_path, GOOD, LEARNING)
    assert not failed and "0 neu, 0 aktualisiert, 2 unverändert" in out
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_a_changed_record_updates_its_page(tmp_path, site_root):
    run(tmp_path, GOOD)
    failed, out, _ = run(tmp_path, {**GOOD, "title": "Hundesteuer digital", "ozg_ids": [10000]})
    assert not failed and "1 aktualisiert" in out
    page = CaseStudyPage.objects.get(import_key="kdn-2023-0001")
    assert page.title == "Hundesteuer digital"
    assert [x.leistung_id for x in page.ozg_leistungen.all()] == [10000]
    assert CaseStudyPage.objects.count() == 1


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("{not json", "kein gültiges JSON"),
        ("[1, 2]", "kein JSON-Objekt"),
        ({**GOOD, "municipality_ags": "99999999"}, "unbekannter AGS 99999999"),
        ({**GOOD, "ozg_ids": [10160, 99999]}, "unbekannte OZG-ID 99999"),
        ({**GOOD, "title": ""}, "title"),
        ({**GOOD, "themenfelder": ["Raumfahrt"]}, "unbekanntes Themenfeld"),
        ({**GOOD, "type": "event"}, "type"),
        ({**GOOD, "published": "1. April"}, "published"),
        ({**GOOD, "key": "mit leerzeichen"}, "key"),
        ({**GOOD, "locale": "fr"}, "unbekannte Sprache"),
        ({**GOOD, "locale": "en"}, "keine Wissen-Seite"),
        ({**GOOD, "municipality_ags": ""}, "braucht eine Kommune"),
    ],
)
def test_bad_lines_are_reported_and_the_good_ones_imported(tmp_path, site_root, bad, reason):
    before = Page.objects.count()
    failed, out, err = run(tmp_path, LEARNING, bad, "", {**GOOD, "key": "ok-2"})
    assert failed
    assert "Zeile 2: " in err and reason in err
    assert "2 neu" in out and "1 fehlerhaft" in out
    assert Page.objects.count() == before + 2
    assert not CaseStudyPage.objects.filter(import_key="kdn-2023-0001").exists()


def test_a_record_failing_while_written_leaves_nothing(site_root, monkeypatch):
    from knowledge import importer

    def broken_indexing(page):  # the last step of writing a record
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer.search_index, "insert_or_update_object", broken_indexing)
    before = (Page.objects.count(), Revision.objects.count())
    report = import_lines(lines(GOOD, {**GOOD, "key": "ok-2"}), publish=True)
    assert [number for number, _ in report.errors] == [1, 2]
    assert "disk full" in report.errors[0][1]
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_without_publish_pages_are_drafts(tmp_path, site_root):
    failed, _, err = run(tmp_path, GOOD, publish=False)
    assert not failed, err
    page = CaseStudyPage.objects.get(import_key="kdn-2023-0001")
    assert not page.live and page.latest_revision is not None


def test_a_key_belongs_to_one_type(tmp_path, site_root):
    run(tmp_path, GOOD)
    failed, _, err = run(tmp_path, {**LEARNING, "key": GOOD["key"]})
    assert failed and "anderen Typ" in err


def test_missing_file_is_a_clear_error(site_root):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_knowledge", "/nonexistent.jsonl")


def test_indexing_on_save_is_restored_after_an_import(tmp_path, site_root):
    from knowledge.factories import CaseStudyPageFactory

    run(tmp_path, GOOD, "{broken")
    page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Nach dem Import")
    assert page in CaseStudyPage.objects.live().search("Import")
