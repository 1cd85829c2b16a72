"""Keyboard only (no click, no mouse): from the home page through the skip link and the
search box to a result, then a recording's chapter that moves the player and plays it.
Every element reached shows a visible focus indicator."""

import pytest
from django.core.files import File
from playwright.sync_api import expect

from events.factories import (
    ChapterFactory,
    EventPageFactory,
    RecordingPageFactory,
    VideoDocumentFactory,
)
from ik_cms.demo.builder import VIDEO as SAMPLE_VIDEO  # the demo's 20-second test pattern

FOCUSED = "document.activeElement"
# A visible focus indicator: an outline or a box-shadow (the ring of site.css).
FOCUS_VISIBLE = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    return e.matches(':focus-visible') && (outline || s.boxShadow !== 'none');
}"""


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Documents are streamed from disk by Wagtail's serve view."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def recording(site_root, media_on_disk):
    event = EventPageFactory(parent=site_root["events"], title="Initiative K in Ravensburg")
    with open(SAMPLE_VIDEO, "rb") as f:
        video = VideoDocumentFactory(file=File(f, name="testbild.webm"))
    recording = RecordingPageFactory(
        parent=event, title="Aufzeichnung: Chatbot im Bürgerbüro", video_file=video, duration=20
    )
    ChapterFactory(page=recording, start=0, title="Begrüßung")
    ChapterFactory(page=recording, start=12, title="Wie der Bot antwortet")
    recording.save_revision().publish()
    return recording


def tab_to(page, selector, limit=60):
    """Press Tab until the focused element matches ``selector``; return how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"{FOCUSED}.matches({selector!r})"):
            assert page.evaluate(FOCUS_VISIBLE), f"focus not visible on {selector}"
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_search_and_play_a_chapter_with_the_keyboard_only(
    page, live_server, recording, requested_hosts
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")

    # The skip link is the first stop, visible when focused, and moves the focus to main.
    assert tab_to(page, "a.skip-link", limit=1) == 1
    skip = page.locator("a.skip-link")
    expect(skip).to_have_text("Zum Inhalt springen")
    assert skip.bounding_box()["y"] >= 0  # on screen, not only focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/#main")
    assert page.evaluate(f"{FOCUSED}.id") == "main"

    # The search box: reached by Tab from the page's start, within a few presses.
    page.goto(live_server.url + "/")
    assert tab_to(page, "input[name=q]", limit=5) <= 5
    page.keyboard.type("Chatbot")
    page.keyboard.press("Enter")  # no suggestion chosen: the form submits
    page.wait_for_url("**/suche/?q=Chatbot*")
    expect(page.locator(".search-result")).to_have_count(1)

    # A result, by Tab, and Enter opens it.
    tab_to(page, ".search-result h3 a")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + recording.url)
    expect(page.locator("h1")).to_have_text(recording.title)

    # The chapter, by Tab; Enter moves the player to 0:12 and plays from there.
    # (Functions, not expression strings: those are eval()ed, which the CSP forbids.)
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    tab_to(page, "[data-recording-chapters] a[href='#t=12']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + recording.url + "#t=12")
    page.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " return !v.paused && v.currentTime > 12.2 && v.currentTime < 20; }"
    )
    assert page.evaluate(f"{FOCUSED}.tagName") == "VIDEO"  # the player, to pause or seek
    assert requested_hosts == {live_server.url}, requested_hosts
    assert errors == []
