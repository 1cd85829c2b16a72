"""Accessibility, measured: axe-core (bundled by axe-playwright-python, no CDN) in Chromium
on every page type of the demo site, in German and English where the page exists, and
on the interactive states (search facets and errors, contact form errors, the consent box
of an external video). Rules: WCAG 2.0/2.1, levels A and AA. Zero violations expected.

One test: the demo content takes ~15 s to build and a live-server test flushes the
database afterwards, so every page is checked inside the same test. A violation is
reported with its rule, impact, help text and the CSS selectors of the elements.
"""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from events.factories import ChapterFactory, RecordingPageFactory
from events.models import EventIndexPage, EventPage, EventSeriesPage, RecordingPage
from home.models import StandardPage
from knowledge.models import CaseStudyPage, KnowledgeIndexPage, LearningPage

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 Reflow: 320 CSS px
WIDE = {"width": 1280, "height": 900}

axe = Axe()


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """The demo's video is streamed from disk by Wagtail's serve view."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


def describe(label, violations):
    lines = []
    for violation in violations:
        lines.append(
            f"{label}: {violation['id']} ({violation['impact']}): {violation['help']}"
            f" – {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return lines


def check(page, label, problems, reflow=True):
    """axe on the current state of ``page``; then its reflow at 320 px (no horizontal
    scrolling of the page, with every disclosure opened)."""
    result = axe.run(page, options=AXE_OPTIONS).response
    problems.extend(describe(label, result["violations"]))
    if not reflow:
        return
    page.set_viewport_size(NARROW)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    overflow = page.evaluate(
        """() => {
            const name = e => e.tagName.toLowerCase() + '.' + e.className;
            const width = document.documentElement.clientWidth;
            // Boxes that scroll sideways inside the page hide content too.
            const boxes = [...document.querySelectorAll('body *')].filter(e =>
                ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                && e.scrollWidth > e.clientWidth + 1);
            if (document.documentElement.scrollWidth <= width) return boxes.map(name);
            return [...document.querySelectorAll('main *, header *, footer *')]
                .filter(e => e.getBoundingClientRect().right > width + 1
                        && !e.closest('video, .visually-hidden'))
                .slice(0, 5).map(name).concat(boxes.map(name));
        }"""
    )
    if overflow:
        problems.append(f"{label}: wider than 320 px: {overflow}")
    page.set_viewport_size(WIDE)


def build_demo():
    call_command("load_demo_content", admin_password="a11y-test-password", stdout=io.StringIO())
    event = EventPage.objects.live().first()
    youtube = RecordingPageFactory(
        parent=event,
        title="Aufzeichnung bei YouTube",
        slug="aufzeichnung-extern",
        video_file=None,
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    ChapterFactory(page=youtube, start=754, title="Der Chatbot")
    youtube.save_revision().publish()
    return youtube


def urls():
    """(label, path) of every page type, German first, then the English ones that exist."""
    case_study = CaseStudyPage.objects.live().filter(locale__language_code="de")
    contact_case = case_study.exclude(contact_person=None).exclude(contact_person__email="")
    contact_case = contact_case.first()
    municipality = contact_case.municipality.code
    de = {
        "home": "/",
        "impressum": StandardPage.objects.get(slug="impressum").url,
        "barrierefreiheit": StandardPage.objects.get(slug="barrierefreiheit").url,
        "knowledge index": KnowledgeIndexPage.objects.get(locale__language_code="de").url,
        "case study": contact_case.url,
        "learning": LearningPage.objects.live().first().url,
        "event index": EventIndexPage.objects.get(locale__language_code="de").url,
        "event series": EventSeriesPage.objects.live().first().url,
        "event": EventPage.objects.live().first().url,
        "recording": RecordingPage.objects.live().exclude(video_file=None).first().url,
        "search with facets": "/suche/?q=Bauantrag&land=08&type=case_study",
        "search, bad parameter": "/suche/?q=Bauantrag&page=abc",
        "search, no results": "/suche/?q=Zyxwvutsrq",
        "search, empty": "/suche/",
        "contact form": f"/kontakt/{contact_case.pk}/",
        "municipality profile": f"/kommunen/{municipality}/",
        "municipality index": "/kommunen/",
        "feeds": "/feeds/",
        "404": "/gibt-es-nicht/",
    }
    translated = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    en = {
        "home": "/en/",
        "knowledge index": KnowledgeIndexPage.objects.get(locale__language_code="en").url,
        "case study": translated.url,
        "search with facets": "/en/search/?q=permit&land=08",
        "search, bad parameter": "/en/search/?q=permit&year=abc",
        "search, no results": "/en/search/?q=Zyxwvutsrq",
        "contact form": f"/en/kontakt/{contact_case.pk}/",
        "municipality profile": f"/en/kommunen/{municipality}/",
        "municipality index": "/en/kommunen/",
        "feeds": "/en/feeds/",
        "404": "/en/does-not-exist/",
    }
    return (
        [(f"de {label}", url) for label, url in de.items()]
        + [(f"en {label}", url) for label, url in en.items()],
        contact_case.pk,
    )


def test_axe_finds_no_wcag_violations(
    page, live_server, reference_data, media_on_disk, requested_hosts
):
    youtube = build_demo()
    pages, contact_id = urls()
    page.set_viewport_size(WIDE)
    page.route("**/*youtube*/**", lambda route: route.abort())
    problems = []
    expected_status = {"404": 404, "search, bad parameter": 400}

    for label, url in pages:
        response = page.goto(live_server.url + url)
        status = expected_status.get(label.split(" ", 1)[1], 200)
        assert response.status == status, (label, url, response.status)
        # Reflow once per template: the English pages share the German ones'.
        check(page, label, problems, reflow=label.startswith("de "))

    # The consent box of an external video, shown by the script, before any request.
    page.goto(live_server.url + youtube.url)
    box = page.locator("[data-video-consent]")
    expect(box.get_by_role("button", name="Video laden und abspielen")).to_be_visible()
    check(page, "de recording, consent box", problems)

    # The contact form after a submit with errors, then the thanks page.
    for prefix, send in (("/en", "Send message"), ("", "Nachricht senden")):
        page.goto(f"{live_server.url}{prefix}/kontakt/{contact_id}/")
        page.get_by_role("button", name=send).click()
        page.wait_for_load_state("load")
        expect(page.get_by_role("alert")).to_be_visible()
        check(page, f"{prefix or 'de'} contact form with errors", problems)
    page.get_by_label("Ihr Name").fill("Max Mustermann")
    page.get_by_label("Organisation oder Kommune").fill("Stadt Musterstadt")
    page.get_by_label("Ihre E-Mail-Adresse").fill("max@musterstadt.example")
    page.get_by_label("Ihre Nachricht").fill("Wie lange hat die Einführung gedauert?")
    page.get_by_label("Ich willige in die Speicherung").check()
    page.get_by_role("button", name="Nachricht senden").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Nachricht")
    check(page, "de contact thanks", problems)

    assert not problems, "axe-core (WCAG 2.1 A/AA) and reflow:\n" + "\n".join(problems)

    # The statement names the version of axe-core that measured the site.
    page.goto(live_server.url + StandardPage.objects.get(slug="barrierefreiheit").url)
    version = page.evaluate(axe.axe_script + "; axe.version")
    major_minor = ".".join(version.split(".")[:2])
    expect(page.locator("main")).to_contain_text(f"axe-core {major_minor}")
    # axe itself is injected, never fetched: the browser asked nothing of another host.
    assert requested_hosts == {live_server.url}, requested_hosts
