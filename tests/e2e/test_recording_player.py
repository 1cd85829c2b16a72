"""The recording player in Chromium (static/js/recording-player.js): the consent flow of
an external video, and "#t=" links that move the self-hosted player."""

import pytest
from django.core.files import File
from playwright.sync_api import expect

from events.factories import (
    CaptionsDocumentFactory,
    ChapterFactory,
    EventPageFactory,
    RecordingPageFactory,
    VideoDocumentFactory,
)
from ik_cms.demo.builder import VIDEO as SAMPLE_VIDEO  # the demo's 20-second test pattern

YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Documents are streamed from disk by Wagtail's serve view."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def event(site_root):
    return EventPageFactory(parent=site_root["events"], title="Initiative K in Ravensburg")


@pytest.fixture
def page_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_youtube_loads_only_after_consent(page, live_server, event, requested_hosts, page_errors):
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url=f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    )
    ChapterFactory(page=recording, start=754, title="Der Chatbot")
    recording.save_revision().publish()

    host_requests = []

    def abort_host(route):
        host_requests.append(route.request.url)
        route.abort()

    # No internet here: requests to the video hosts are recorded and aborted.
    page.route("**/*youtube*/**", abort_host)
    page.route("**/*ytimg*/**", abort_host)
    page.route("**/*google*/**", abort_host)

    page.goto(live_server.url + recording.url)
    box = page.locator("[data-video-consent]")
    expect(box).to_contain_text("Beim Abspielen werden Daten an Google Ireland Ltd. (YouTube)")
    button = box.get_by_role("button", name="Video laden und abspielen")
    expect(button).to_be_visible()  # the script has run
    expect(
        box.get_by_role("link", name="Video bei YouTube ansehen (externer Link)")
    ).to_have_attribute("href", f"https://www.youtube.com/watch?v={YOUTUBE_ID}")
    page.wait_for_load_state("networkidle")
    expect(page.locator("iframe")).to_have_count(0)
    assert requested_hosts == {live_server.url}, requested_hosts
    assert host_requests == []

    # A chapter link before consent: remembered as the start of the player.
    page.get_by_role("link", name="Der Chatbot").click()
    expect(page).to_have_url(live_server.url + recording.url + "#t=754")
    assert host_requests == []

    button.click()
    iframe = page.locator("iframe.video__iframe")
    expect(iframe).to_have_count(1)
    src = iframe.get_attribute("src")
    assert src.startswith(f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?"), src
    assert "start=754" in src
    expect(box).to_be_hidden()
    page.wait_for_timeout(300)
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in host_requests)
    assert not any("www.youtube.com" in url for url in host_requests), host_requests
    assert page_errors == []


def test_vimeo_consent_uses_dnt(page, live_server, event, page_errors):
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url="https://vimeo.com/76979871"
    )
    page.route("**/*vimeo*/**", lambda route: route.abort())
    page.goto(live_server.url + recording.url + "#t=90")
    page.get_by_role("button", name="Video laden und abspielen").click()
    src = page.locator("iframe.video__iframe").get_attribute("src")
    assert src.startswith("https://player.vimeo.com/video/76979871?dnt=1"), src
    assert src.endswith("#t=90s")
    assert page_errors == []


@pytest.fixture
def self_hosted(event, media_on_disk):
    with open(SAMPLE_VIDEO, "rb") as f:
        video = VideoDocumentFactory(file=File(f, name="testbild.webm"))
    recording = RecordingPageFactory(
        parent=event, video_file=video, duration=20, captions=CaptionsDocumentFactory()
    )
    ChapterFactory(page=recording, start=0, title="Begrüßung")
    ChapterFactory(page=recording, start=12, title="Der Chatbot")
    recording.save_revision().publish()
    return recording


def current_time(page):
    return page.locator("video").evaluate("v => v.currentTime")


def test_chapter_link_moves_the_player(
    page, live_server, self_hosted, requested_hosts, page_errors
):
    page.goto(live_server.url + self_hosted.url)
    video = page.locator("video[data-recording-video]")
    expect(video).to_be_visible()
    page.wait_for_function("document.querySelector('video').readyState >= 1")
    assert current_time(page) == 0

    page.get_by_role("link", name="Der Chatbot").click()
    page.wait_for_function("Math.abs(document.querySelector('video').currentTime - 12) < 0.5")
    expect(page).to_have_url(live_server.url + self_hosted.url + "#t=12")

    # The transcript (filled from the captions) marks the passage at that moment.
    segments = page.locator("[data-recording-transcript] li")
    expect(segments).to_have_count(2)
    expect(segments.nth(1)).to_have_attribute("aria-current", "true")
    expect(segments.nth(0)).not_to_have_attribute("aria-current", "true")

    # A transcript timestamp moves it back.
    segments.nth(0).get_by_role("link").click()
    page.wait_for_function("Math.abs(document.querySelector('video').currentTime - 1) < 0.5")
    expect(segments.nth(0)).to_have_attribute("aria-current", "true")

    # The captions track is offered and loads.
    track_mode = page.evaluate(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && [t.kind, t.language, t.label]; }"
    )
    assert track_mode == ["captions", "de", "Deutsch"]
    assert requested_hosts == {live_server.url}, requested_hosts
    assert page_errors == []


def test_time_fragment_on_load(page, live_server, self_hosted, page_errors):
    page.goto(live_server.url + self_hosted.url + "#t=5")
    page.wait_for_function("Math.abs(document.querySelector('video').currentTime - 5) < 0.5")
    # hashchange (typed into the address bar, or history navigation) seeks too
    page.evaluate("location.hash = '#t=15'")
    page.wait_for_function("Math.abs(document.querySelector('video').currentTime - 15) < 0.5")
    assert page_errors == []
