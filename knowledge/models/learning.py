from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.formatting import format_timestamp
from home.models import BasePage, SourceMixin

from .importable import ImportableMixin
from .regional import RegionalMixin


class LearningRelatedCaseStudy(Orderable):
    page = ParentalKey(
        "knowledge.LearningPage", on_delete=models.CASCADE, related_name="related_case_studies"
    )
    case_study = models.ForeignKey(
        "knowledge.CaseStudyPage",
        verbose_name=_("Praxisbeispiel"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("case_study")]

    class Meta(Orderable.Meta):
        verbose_name = _("Praxisbeispiel")


class LearningPage(ImportableMixin, RegionalMixin, SourceMixin, BasePage):
    """A lesson learned: a success factor, a pitfall or a recommendation."""

    class Kind(models.TextChoices):
        SUCCESS_FACTOR = "erfolgsfaktor", _("Erfolgsfaktor")
        PITFALL = "stolperstein", _("Stolperstein")
        RECOMMENDATION = "empfehlung", _("Empfehlung")
        METHOD = "methode", _("Methode/Werkzeug")

    kind = models.CharField(
        _("Art"), max_length=16, choices=Kind.choices, default=Kind.RECOMMENDATION
    )
    themenfelder = ParentalManyToManyField(
        "knowledge.Themenfeld",
        verbose_name=_("OZG-Themenfelder"),
        blank=True,
        related_name="learnings",
    )
    municipality = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learnings",
        limit_choices_to={"level__in": ["gemeinde", "kreis"]},
        help_text=_("Optional: die Kommune, aus deren Erfahrung das Learning stammt."),
    )
    source_recording = models.ForeignKey(
        "events.RecordingPage",
        verbose_name=_("Aus der Aufzeichnung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by_learnings",
    )
    source_timestamp = models.PositiveIntegerField(
        _("Zeitpunkt (Sekunden)"),
        null=True,
        blank=True,
        help_text=_("Stelle in der Aufzeichnung, an der das Learning genannt wird."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = (
        BasePage.content_panels
        + [
            FieldPanel("kind"),
            FieldPanel("themenfelder", widget=forms.CheckboxSelectMultiple),
            FieldPanel("municipality"),
            FieldPanel("body"),
            InlinePanel(
                "related_case_studies",
                heading=_("Zugehörige Praxisbeispiele"),
                label=_("Praxisbeispiel"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("source_recording"), FieldPanel("source_timestamp")])],
                heading=_("Zitiert aus"),
            ),
        ]
        + SourceMixin.source_panels
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("teaser_text", boost=2),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("short_name", boost=2)]),
        index.RelatedFields("land", [index.SearchField("short_name")]),
        index.RelatedFields("kreis", [index.SearchField("short_name")]),
        index.RelatedFields("themenfelder", [index.SearchField("name")]),
        index.FilterField("municipality"),
        index.FilterField("kind"),
        index.FilterField("land"),
        index.FilterField("kreis"),
    ]
    # Offered by the page API (/api/v2/); relations are serialised in ik_cms/api_v2.py.
    api_fields = [
        "teaser_text",
        "kind",
        "themenfelder",
        "municipality",
        "land",
        "kreis",
        "last_published_at",
        "body",
        "source_url",
        "source_license",
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Learning")
        verbose_name_plural = _("Learnings")
        constraints = [ImportableMixin.import_key_constraint("unique_learning_import_key")]

    def clean(self):
        super().clean()
        if self.source_timestamp is not None and not self.source_recording_id:
            raise ValidationError(
                {"source_timestamp": _("Ein Zeitpunkt braucht eine Aufzeichnung.")}
            )

    def get_context(self, request, *args, **kwargs):
        """Regions, Themenfelder, case studies and the cited recording in fixed queries."""

        context = super().get_context(request, *args, **kwargs)
        context["municipality"] = self.get_region_with_parents()
        context["themenfelder"] = list(self.themenfelder.all())
        context["case_studies"] = [
            item.case_study
            for item in self.related_case_studies.select_related(
                "case_study__municipality__land", "case_study__municipality__kreis"
            )
            if item.case_study.live
        ]
        recording = self.source_recording if self.source_recording_id else None
        context["recording"] = recording if recording is not None and recording.live else None
        from knowledge import related

        context["related_case_studies"] = (
            related.for_learning(
                self,
                themenfelder=context["themenfelder"],
                region=context["municipality"],
                explicit=context["case_studies"],
            )
            if self.pk
            else []
        )
        return context

    @property
    def source_timestamp_label(self):
        """The cited moment as "12:34" or "1:02:34" ("" without a timestamp)."""
        if self.source_timestamp is None:
            return ""
        return format_timestamp(self.source_timestamp)
