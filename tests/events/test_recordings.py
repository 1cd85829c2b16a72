"""Recording pages: self-hosted and consent-gated external players, WebVTT captions and
transcripts, "#t=" jump links and the VideoObject JSON-LD."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.factories import (
    SAMPLE_VTT,
    CaptionsDocumentFactory,
    ChapterFactory,
    EventPageFactory,
    RecordingPageFactory,
    TranscriptSegmentFactory,
    berlin,
)
from events.models import RecordingPage
from events.models.recording import (
    iso8601_duration,
    parse_video_url,
    validate_video_url,
)
from events.vtt import VTTError, parse_vtt
from home.json_ld import json_script_safe
from tests.utils import soup

pytestmark = pytest.mark.django_db

YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.fixture
def event(site_root):
    return EventPageFactory(
        parent=site_root["events"],
        title="Initiative K in Ravensburg",
        start=berlin(2021, 5, 11, 10),
        end=berlin(2021, 5, 11, 12),
    )


# --- external video URLs -------------------------------------------------------------


@pytest.mark.parametrize(
    "url, provider, video_id",
    [
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://youtube.com/watch?feature=share&v={YOUTUBE_ID}&t=10", "youtube", YOUTUBE_ID),
        (f"https://m.youtube.com/watch?v={YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://youtu.be/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://youtu.be/{YOUTUBE_ID}?si=abc", "youtube", YOUTUBE_ID),
        (f"https://www.youtube.com/embed/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://www.youtube.com/shorts/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://www.youtube.com/live/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        (f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_supported_video_urls(url, provider, video_id):
    video = parse_video_url(url)
    assert video is not None and (video.provider, video.video_id) == (provider, video_id)
    validate_video_url(url)  # no error


@pytest.mark.parametrize(
    "url, code",
    [
        ("https://www.youtube.com/watch?v=abc", "no_video_id"),
        ("https://www.youtube.com/", "no_video_id"),
        ("https://www.youtube.com/channel/UC1234567890", "no_video_id"),
        ("https://youtu.be/", "no_video_id"),
        ("https://vimeo.com/", "no_video_id"),
        ("https://vimeo.com/about", "no_video_id"),
        ("https://example.org/video.mp4", "unsupported_host"),
        ("https://www.youtube.com.evil.example/watch?v=" + YOUTUBE_ID, "unsupported_host"),
        ("https://dailymotion.com/video/x7tgad0", "unsupported_host"),
        ("ftp://youtube.com/watch?v=" + YOUTUBE_ID, "no_video_id"),
    ],
)
def test_unsupported_video_urls(url, code):
    assert parse_video_url(url) is None
    with pytest.raises(ValidationError) as info:
        validate_video_url(url)
    assert info.value.code == code


def test_embed_urls_are_privacy_enhanced():
    assert parse_video_url(f"https://youtu.be/{YOUTUBE_ID}").embed_url == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    )
    assert parse_video_url("https://vimeo.com/76979871").embed_url == (
        "https://player.vimeo.com/video/76979871?dnt=1"
    )
    assert parse_video_url("https://vimeo.com/76979871/abcdef1234").embed_url == (
        "https://player.vimeo.com/video/76979871?h=abcdef1234&dnt=1"
    )


def test_model_validation_names_the_field(event):
    page = RecordingPage(title="x", slug="x", video_url="https://example.org/v")
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    assert "video_url" in info.value.message_dict
    assert "YouTube" in " ".join(info.value.message_dict["video_url"])


# --- the external player: consent first ---------------------------------------------


@pytest.mark.parametrize(
    "url, company, host",
    [
        (
            f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
            "Google Ireland Ltd. (YouTube)",
            "youtube",
        ),
        ("https://vimeo.com/76979871", "Vimeo Inc.", "vimeo"),
    ],
)
def test_external_video_waits_for_consent(client, event, url, company, host):
    recording = RecordingPageFactory(parent=event, video_file=None, video_url=url)
    response = client.get(recording.url)
    html = soup(response)
    assert not html.find("iframe") and not html.find("video")
    box = html.select_one("[data-video-consent]")
    text = box.get_text(" ", strip=True)
    assert f"Beim Abspielen werden Daten an {company} übertragen" in text
    button = box.find("button")
    assert button.has_attr("hidden")  # shown by the script; without JS only the link
    assert box.find("a", href=url)
    # The only mention of the host outside the consent box's data is the plain link.
    assert not html.find("link", rel="preconnect")
    assert not html.find("img", src=lambda src: src and host in src)
    embed = box["data-embed-url"]
    assert embed.startswith(
        "https://www.youtube-nocookie.com/embed/"
        if host == "youtube"
        else "https://player.vimeo.com/"
    )
    ld = html.find("script", type="application/ld+json").string
    page_html = response.content.decode().replace(ld, "")
    for tag in html.find_all(["script", "img", "iframe", "link", "source"]):
        assert host not in (tag.get("src") or "") + (tag.get("href") or "")
    # Only as data-attribute and in the JSON-LD, neither of which makes a request.
    assert page_html.count(embed.replace("&", "&amp;")) == 1
    assert ld.count("embedUrl") == 1


def test_external_script_loaded_without_inline_code(client, event):
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url=f"https://youtu.be/{YOUTUBE_ID}"
    )
    html = soup(client.get(recording.url))
    scripts = html.find_all("script")
    assert any(s.get("src", "").endswith("js/recording-player.js") for s in scripts)
    for s in scripts:
        assert s.get("src") or s.get("type") == "application/ld+json"


# --- WebVTT --------------------------------------------------------------------------


def test_parse_vtt_cues_with_voices_and_timestamps():
    cues = parse_vtt(
        (
            "\ufeffWEBVTT\r\n\r\n"
            "intro\r\n00:00:01.500 --> 00:00:04.000\r\n"
            "<v Julia Beispiel>Hallo\r\nund willkommen.\r\n\r\n"
            "NOTE ein Kommentar\r\n\r\n"
            "01:02:03.000 --> 01:02:09.000\r\nDas <b>Ende</b>.\r\n"
        ).encode()
    )
    assert [(c.start, c.speaker, c.text) for c in cues] == [
        (1, "Julia Beispiel", "Hallo und willkommen."),
        (3723, "", "Das Ende."),
    ]


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "WEBVTT"),
        (b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "WEBVTT"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:0x:04.000\nHallo\n", "Zeile 3"),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nA\n00:00:05.000 --> 00:00:06.000\nB\n",
            "Zeile",
        ),
        (b"WEBVTT\n\nnur Text ohne Zeit\n", "keinen Untertitel"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xff\xfe kaputt\n", "UTF-8"),
    ],
)
def test_parse_vtt_rejects_invalid_files(data, fragment):
    with pytest.raises(VTTError) as info:
        parse_vtt(data)
    assert fragment in str(info.value)


def test_invalid_captions_document_is_a_field_error(event):
    bad = CaptionsDocumentFactory(file__data=b"WEBVTT\n\n00:00:01.000 --> kaputt\nHallo\n")
    page = RecordingPage(title="x", slug="x", video_url=f"https://youtu.be/{YOUTUBE_ID}")
    page.captions = bad
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    assert "Zeile 3" in " ".join(info.value.message_dict["captions"])


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """The document serve view streams files from disk (the tests' in-memory storage
    has no path)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


def test_captions_fill_an_empty_transcript(client, event, media_on_disk):
    recording = RecordingPageFactory(parent=event, captions=CaptionsDocumentFactory())
    segments = list(recording.transcript.order_by("sort_order"))
    assert [(s.start, s.speaker_name, s.text) for s in segments] == [
        (1, "Julia Beispiel", "Herzlich willkommen."),
        (5, "Julia Beispiel", "Unser Chatbot beantwortet Fragen."),
    ]
    html = soup(client.get(recording.url))
    track = html.select_one("video track")
    assert track["kind"] == "captions" and track["srclang"] == "de"
    assert track["label"] == "Deutsch"
    response = client.get(track["src"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert b"".join(response.streaming_content).decode() == SAMPLE_VTT
    assert html.find("a", href="#t=5")


def test_captions_do_not_replace_a_typed_transcript(event):
    recording = RecordingPageFactory(parent=event)
    TranscriptSegmentFactory(page=recording, start=42, text="Getippt.")
    recording.captions = CaptionsDocumentFactory()
    recording.save_revision().publish()
    assert [s.text for s in recording.transcript.all()] == ["Getippt."]


# --- the admin: an invalid upload saves nothing ---------------------------------------


def _form_data(html):
    """The values a browser would submit for the page edit form."""
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.find_all("option", selected=True)
            values = [o.get("value", o.text) for o in selected]
            if field.has_attr("multiple"):
                data[name] = values
            elif values:
                data[name] = values[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", "") if first else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return client


def test_admin_rejects_invalid_vtt_and_changes_nothing(admin_client, event):
    recording = RecordingPageFactory(parent=event, title="Aufzeichnung Ravensburg")
    TranscriptSegmentFactory(page=recording, start=10, text="Bleibt.")
    recording.save_revision().publish()
    revisions = recording.revisions.count()
    bad = CaptionsDocumentFactory(file__data=b"WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHallo\n")
    edit_url = reverse("wagtailadmin_pages:edit", args=[recording.pk])
    data = _form_data(admin_client.get(edit_url).content.decode())
    assert data["title"] == "Aufzeichnung Ravensburg"
    data.update({"captions": str(bad.pk), "title": "Geändert", "action-publish": "action-publish"})

    response = admin_client.post(edit_url, data)

    assert response.status_code == 200  # the form again, not a redirect
    form = response.context["form"]
    assert "captions" in form.errors
    assert "Zeile 3" in str(form.errors["captions"])
    assert "Zeile 3" in response.content.decode()
    recording.refresh_from_db()
    assert recording.title == "Aufzeichnung Ravensburg" and recording.captions_id is None
    assert recording.revisions.count() == revisions
    assert [s.text for s in recording.transcript.all()] == ["Bleibt."]


def test_admin_rejects_an_unsupported_video_url(admin_client, event):
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url=f"https://youtu.be/{YOUTUBE_ID}"
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[recording.pk])
    data = _form_data(admin_client.get(edit_url).content.decode())
    data.update(
        {"video_url": "https://www.youtube.com/watch?v=kurz", "action-publish": "action-publish"}
    )
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert "keine Video-ID" in str(response.context["form"].errors["video_url"])
    recording.refresh_from_db()
    assert recording.video_url == f"https://youtu.be/{YOUTUBE_ID}"


def test_admin_publish_with_valid_vtt_fills_transcript(admin_client, event):
    recording = RecordingPageFactory(parent=event)
    edit_url = reverse("wagtailadmin_pages:edit", args=[recording.pk])
    data = _form_data(admin_client.get(edit_url).content.decode())
    data.update({"captions": str(CaptionsDocumentFactory().pk), "action-publish": "action-publish"})
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    recording.refresh_from_db()
    assert recording.captions_id
    assert [s.start for s in recording.transcript.all()] == [1, 5]


# --- jump links and JSON-LD ------------------------------------------------------------


def _json_ld(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_chapters_and_transcript_link_to_moments(client, event):
    recording = RecordingPageFactory(parent=event, duration=3723)
    ChapterFactory(page=recording, start=754, title="Der Chatbot")
    TranscriptSegmentFactory(page=recording, start=754, text="Unser Chatbot.")
    recording.save_revision().publish()
    html = soup(client.get(recording.url))
    assert html.select_one("[data-recording-chapters] a[href='#t=754']")
    segment = html.select_one("[data-recording-transcript] li#t-754")
    assert segment["data-start"] == "754" and segment.find("a", href="#t=754")
    assert html.select_one("video[data-recording-video]")
    assert not html.select_one("video track")  # no captions document


def test_json_ld_self_hosted(client, event):
    recording = RecordingPageFactory(
        parent=event,
        title="Aufzeichnung </script><b>&",
        duration=3723,
        intro="Kapitel & Transkript",
        search_description="",
        teaser_text="",
    )
    TranscriptSegmentFactory(page=recording, start=0, speaker_name="Julia", text="Hallo <Welt>.")
    TranscriptSegmentFactory(page=recording, start=9, speaker_name="", text="Tschüss.")
    recording.save_revision().publish()
    response = client.get(recording.url)
    raw = response.content.decode()
    assert "</script><b>" not in raw.split("application/ld+json", 1)[1].split("</script>", 1)[0]
    data = _json_ld(soup(response))
    recording.refresh_from_db()
    assert data["@type"] == "VideoObject" and data["@context"] == "https://schema.org"
    assert data["name"] == "Aufzeichnung </script><b>&"
    assert data["description"] == "Kapitel & Transkript"
    assert data["duration"] == "PT1H2M3S"
    assert datetime.datetime.fromisoformat(data["uploadDate"]) == recording.first_published_at
    assert data["contentUrl"].startswith("http://") and data["contentUrl"].endswith(".webm")
    assert "embedUrl" not in data and "thumbnailUrl" not in data
    assert data["transcript"] == "Julia: Hallo <Welt>.\nTschüss."


def test_json_ld_youtube_uses_nocookie_embed(client, event):
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url=f"https://youtu.be/{YOUTUBE_ID}", duration=None
    )
    data = _json_ld(soup(client.get(recording.url)))
    assert data["embedUrl"] == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    assert "contentUrl" not in data and "duration" not in data and "thumbnailUrl" not in data
    assert "transcript" not in data


def test_json_ld_upload_date_falls_back_to_the_event(event):
    recording = RecordingPage(title="Entwurf", slug="entwurf", duration=60)
    data = recording.get_json_ld(parent_event=event, transcript=[])
    assert data["uploadDate"] == event.start.isoformat()
    assert data["duration"] == "PT1M"


@pytest.mark.parametrize(
    "seconds, expected",
    [
        (0, "PT0S"),
        (59, "PT59S"),
        (60, "PT1M"),
        (3600, "PT1H"),
        (3723, "PT1H2M3S"),
        (5400, "PT1H30M"),
    ],
)
def test_iso8601_duration(seconds, expected):
    assert iso8601_duration(seconds) == expected


def test_json_script_safe_escapes_markup():
    text = json_script_safe({"a": "</script>&<!--\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script>&<!--\u2028"}


def test_video_route_answers_range_requests(client, event, media_on_disk):
    recording = RecordingPageFactory(parent=event)
    html = soup(client.get(recording.url))
    src = html.select_one("video source")["src"]
    assert src == recording.url + "video/"
    whole = client.get(src)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    data = b"".join(whole.streaming_content)
    part = client.get(src, HTTP_RANGE="bytes=1-2")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 1-2/{len(data)}"
    assert b"".join(part.streaming_content) == data[1:3]
    assert client.get(src, HTTP_RANGE="bytes=99-").status_code == 416
    no_file = RecordingPageFactory(
        parent=event, video_file=None, video_url=f"https://youtu.be/{YOUTUBE_ID}"
    )
    assert client.get(no_file.url + "video/").status_code == 404
