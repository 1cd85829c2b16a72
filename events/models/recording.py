import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from events.vtt import VTTError, read_document_cues
from home.formatting import format_timestamp
from home.json_ld import json_ld_script
from home.models import BasePage

YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
VIMEO_PATH = re.compile(
    r"^/(?:video/|channels/[\w-]+/|groups/[\w-]+/videos/|showcase/\d+/video/)?"
    r"(?P<id>\d{4,12})(?:/(?P<hash>[0-9a-f]{6,20}))?/?$"
)


@dataclass(frozen=True)
class ExternalVideo:
    """A YouTube or Vimeo video, embedded only after the visitor's consent."""

    provider: str  # "youtube" | "vimeo"
    video_id: str
    url: str  # the video on the host, as entered
    vimeo_hash: str = ""

    @property
    def provider_name(self):
        return "YouTube" if self.provider == "youtube" else "Vimeo"

    @property
    def company(self):
        return "Google Ireland Ltd. (YouTube)" if self.provider == "youtube" else "Vimeo Inc."

    @property
    def embed_url(self):
        """Privacy-enhanced player: youtube-nocookie, Vimeo with dnt=1."""
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        query = f"h={self.vimeo_hash}&dnt=1" if self.vimeo_hash else "dnt=1"
        return f"https://player.vimeo.com/video/{self.video_id}?{query}"


def parse_video_url(url):
    """The :class:`ExternalVideo` of a YouTube or Vimeo URL, or None."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    path = parts.path
    if host in YOUTUBE_HOSTS:
        if path in ("/watch", "/watch/"):
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            match = re.match(r"^/(?:embed|shorts|live|v)/([^/?#]+)/?$", path)
            candidate = match.group(1) if match else ""
        if YOUTUBE_ID.match(candidate):
            return ExternalVideo("youtube", candidate, url.strip())
        return None
    if host == "youtu.be":
        candidate = path.strip("/")
        return (
            ExternalVideo("youtube", candidate, url.strip())
            if YOUTUBE_ID.match(candidate)
            else None
        )
    if host in VIMEO_HOSTS:
        match = VIMEO_PATH.match(path)
        if not match:
            return None
        vimeo_hash = match.group("hash") or (parse_qs(parts.query).get("h") or [""])[0]
        if vimeo_hash and not re.fullmatch(r"[0-9a-f]{6,20}", vimeo_hash):
            vimeo_hash = ""
        return ExternalVideo("vimeo", match.group("id"), url.strip(), vimeo_hash)
    return None


def validate_video_url(url):
    if not url:
        return
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host in YOUTUBE_HOSTS | VIMEO_HOSTS | {"youtu.be"}:
        if parse_video_url(url) is None:
            raise ValidationError(
                _(
                    "In dieser Adresse ist keine Video-ID zu erkennen. Bitte die Adresse "
                    "des Videos selbst angeben, z. B. https://www.youtube.com/watch?v=… "
                    "oder https://vimeo.com/123456789."
                ),
                code="no_video_id",
            )
        return
    raise ValidationError(
        _(
            "Nur Videos bei YouTube (youtube.com, youtu.be) oder Vimeo (vimeo.com) "
            "können eingebunden werden. Andere Videos bitte als Videodatei hochladen."
        ),
        code="unsupported_host",
    )


def iso8601_duration(seconds):
    """3723 -> "PT1H2M3S", 0 -> "PT0S"."""
    seconds = int(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if secs or out == "PT":
        out += f"{secs}S"
    return out


class TimestampMixin:
    @property
    def timestamp_label(self):
        return format_timestamp(self.start)


class Chapter(TimestampMixin, Orderable):
    page = ParentalKey("events.RecordingPage", on_delete=models.CASCADE, related_name="chapters")
    start = models.PositiveIntegerField(_("Beginn (Sekunden)"))
    title = models.CharField(_("Titel"), max_length=255)
    speaker = models.ForeignKey(
        "knowledge.Person",
        verbose_name=_("Sprecher:in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    case_study = models.ForeignKey(
        "knowledge.CaseStudyPage",
        verbose_name=_("Praxisbeispiel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recording_chapters",
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("case_study")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Kapitel")
        verbose_name_plural = _("Kapitel")


class TranscriptSegment(TimestampMixin, Orderable):
    page = ParentalKey("events.RecordingPage", on_delete=models.CASCADE, related_name="transcript")
    start = models.PositiveIntegerField(_("Beginn (Sekunden)"))
    speaker_name = models.CharField(_("Sprecher:in"), max_length=150, blank=True)
    text = models.TextField(_("Text"))

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("speaker_name")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Transkript-Abschnitt")
        verbose_name_plural = _("Transkript")


class RecordingRelatedPage(Orderable):
    page = ParentalKey(
        "events.RecordingPage", on_delete=models.CASCADE, related_name="related_pages"
    )
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Seite"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related", heading=_("Praxisbeispiel oder Learning"))]

    class Meta(Orderable.Meta):
        verbose_name = _("Verwandter Inhalt")


class RecordingPage(RoutablePageMixin, BasePage):
    """The recording of an event, with chapters and a timestamped transcript.

    The self-hosted video is served at ``<page>/video/`` with HTTP range requests
    (Wagtail's document view answers every request with the whole file, and Chromium
    cannot seek in such a video, so "#t=" links would not work)."""

    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Videodatei (auf dieser Website)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("Externes Video (YouTube, Vimeo)"),
        blank=True,
        validators=[validate_video_url],
        help_text=_(
            "Adresse eines Videos bei YouTube oder Vimeo. Der Player wird erst geladen, "
            "wenn Besucher:innen zustimmen; vorher lädt die Seite nichts vom Videodienst."
        ),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Untertitel (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Eine .vtt-Datei mit Zeitangaben. Sie wird als Untertitel der Videodatei "
            "angeboten; ist das Transkript leer, wird es beim Speichern aus ihr gefüllt."
        ),
    )
    duration = models.PositiveIntegerField(_("Dauer (Sekunden)"), null=True, blank=True)
    intro = models.TextField(_("Einleitung"), max_length=800, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("video_url"),
                FieldPanel("duration"),
                FieldPanel("captions"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("intro"),
        InlinePanel("chapters", heading=_("Kapitel"), label=_("Kapitel")),
        InlinePanel("transcript", heading=_("Transkript"), label=_("Abschnitt")),
        InlinePanel("related_pages", heading=_("Verwandte Inhalte"), label=_("Seite")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro", boost=2),
        index.RelatedFields("transcript", [index.SearchField("text")]),
        index.RelatedFields("chapters", [index.SearchField("title")]),
    ]
    # Offered by the page API (/api/v2/); relations are serialised in ik_cms/api_v2.py.
    api_fields = ["intro", "duration", "video_url", "chapters"]

    parent_page_types = ["events.EventPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Aufzeichnung")
        verbose_name_plural = _("Aufzeichnungen")

    def clean(self):
        super().clean()
        errors = {}
        if not self.video_file_id and not self.video_url:
            errors["video_url"] = _("Bitte eine Videodatei oder ein externes Video angeben.")
        if self.captions_id:
            try:
                read_document_cues(self.captions)
            except VTTError as error:
                errors["captions"] = _("Untertitel: %(reason)s") % {"reason": error}
        if errors:
            raise ValidationError(errors)

    def fill_transcript_from_captions(self):
        """An empty transcript is filled from the captions' cues (in memory; saved
        with the page or its revision). A broken file is left to clean()."""
        if not self.captions_id or self.transcript.all():
            return
        try:
            cues = read_document_cues(self.captions)
        except VTTError:
            return
        self.transcript = [
            TranscriptSegment(start=cue.start, speaker_name=cue.speaker[:150], text=cue.text)
            for cue in cues
        ]

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.fill_transcript_from_captions()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.fill_transcript_from_captions()
        return super().save_revision(*args, **kwargs)

    @path("video/", name="video")
    def serve_video(self, request):
        document = self.video_file
        if document is None:
            raise Http404
        for fn in hooks.get_hooks("before_serve_document"):
            result = fn(document, request)
            if isinstance(result, HttpResponse):
                return result
        return ranged_file_response(request, document.file, document.content_type)

    @property
    def video_src(self):
        return self.url + self.reverse_subpage("video") if self.video_file_id else ""

    @property
    def external_video(self):
        return None if self.video_file_id else parse_video_url(self.video_url)

    def get_json_ld(self, request=None, parent_event=None, transcript=None):
        """schema.org VideoObject for this recording."""
        data = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": self.seo_title or self.title,
            "description": self.get_meta_description() or self.intro or self.title,
        }
        published = self.first_published_at or (parent_event.start if parent_event else None)
        if published:
            data["uploadDate"] = published.isoformat()
        if self.duration:
            data["duration"] = iso8601_duration(self.duration)
        if self.video_file_id:
            data["contentUrl"] = _absolute(request, self.video_file.url)
        elif video := self.external_video:
            data["embedUrl"] = video.embed_url
        if (image := self.get_social_image()) is not None:
            rendition = image.get_rendition("fill-1280x720")
            data["thumbnailUrl"] = _absolute(request, rendition.url)
        if transcript is None:
            transcript = list(self.transcript.all())
        if transcript:
            data["transcript"] = "\n".join(
                f"{seg.speaker_name}: {seg.text}" if seg.speaker_name else seg.text
                for seg in transcript
            )
        return data

    def json_ld_script(self, request=None, parent_event=None, transcript=None):
        return json_ld_script(self.get_json_ld(request, parent_event, transcript))

    @property
    def duration_label(self):
        return format_timestamp(self.duration) if self.duration else ""

    @property
    def event(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        """Event, chapters, transcript and related pages, each in one query."""
        from .event import EventPage

        context = super().get_context(request, *args, **kwargs)
        context["parent_event"] = (
            EventPage.objects.parent_of(self).select_related("host_municipality").first()
            if self.path
            else None
        )
        context["chapter_list"] = list(
            self.chapters.select_related(
                "speaker__municipality", "speaker__organisation", "case_study"
            )
        )
        context["transcript_segments"] = list(self.transcript.all())
        context["external_video"] = self.external_video
        context["json_ld"] = self.json_ld_script(
            request, context["parent_event"], context["transcript_segments"]
        )
        context["related_items"] = [
            item.related
            for item in self.related_pages.select_related("related")
            if item.related.live
        ]
        context["cited_by"] = (
            list(self.cited_by_learnings.live().order_by("title")) if self.pk else []
        )
        return context


def _absolute(request, url):
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def ranged_file_response(request, field_file, content_type):
    """The file, or the single byte range the request asks for (206)."""
    size = field_file.size
    handle = field_file.storage.open(field_file.name, "rb")
    match = RANGE.match(request.headers.get("Range", "").strip())
    if match and (match[1] or match[2]):
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]) if match[2] else size - 1, size - 1)
        else:
            start, end = max(0, size - int(match[2])), size - 1
        if start > end:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        handle.seek(start)
        response = StreamingHttpResponse(
            _read(handle, end - start + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _read(handle, remaining, chunk=64 * 1024):
    try:
        while remaining > 0:
            data = handle.read(min(chunk, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()
