from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from home.formatting import format_timestamp
from home.models import BasePage


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


class RecordingPage(BasePage):
    """The recording of an event, with chapters and a timestamped transcript."""

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
        help_text=_("Wird nur verlinkt, nie eingebettet: die Seite lädt nichts vom Videodienst."),
    )
    duration = models.PositiveIntegerField(_("Dauer (Sekunden)"), null=True, blank=True)
    intro = models.TextField(_("Einleitung"), max_length=800, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("video_file"), FieldPanel("video_url"), FieldPanel("duration")],
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

    parent_page_types = ["events.EventPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Aufzeichnung")
        verbose_name_plural = _("Aufzeichnungen")

    def clean(self):
        super().clean()
        if not self.video_file_id and not self.video_url:
            raise ValidationError(
                {"video_url": _("Bitte eine Videodatei oder ein externes Video angeben.")}
            )

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
        context["related_items"] = [
            item.related
            for item in self.related_pages.select_related("related")
            if item.related.live
        ]
        context["cited_by"] = (
            list(self.cited_by_learnings.live().order_by("title")) if self.pk else []
        )
        return context
