from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage, SourceMixin

from .importable import ImportableMixin
from .regional import RegionalMixin
from .taxonomy import Leistung, Themenfeld


class CaseStudyLeistung(Orderable):
    """An OZG-Leistung a case study implements (chosen with a searchable chooser)."""

    page = ParentalKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="ozg_leistungen"
    )
    leistung = models.ForeignKey(
        "knowledge.Leistung",
        verbose_name=_("OZG-Leistung"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("leistung")]

    class Meta(Orderable.Meta):
        verbose_name = _("OZG-Leistung")
        verbose_name_plural = _("OZG-Leistungen")
        constraints = [
            models.UniqueConstraint(fields=["page", "leistung"], name="unique_case_study_leistung")
        ]


class CaseStudyRegion(Orderable):
    """A municipality linked to a case study; abstract base of the two kinds of link.

    Regions are chosen with the searchable region chooser: a plain multiple select
    over ~11,000 regions would be unusable (and slow to render and validate).
    """

    region = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level__in": ["gemeinde", "kreis"]},
    )

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        abstract = True


class CaseStudyPartnerMunicipality(CaseStudyRegion):
    page = ParentalKey(
        "knowledge.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="partner_municipality_links",
    )

    class Meta(CaseStudyRegion.Meta):
        verbose_name = _("Partnerkommune")
        verbose_name_plural = _("Partnerkommunen")


class CaseStudyReuse(CaseStudyRegion):
    page = ParentalKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="reuse_links"
    )

    class Meta(CaseStudyRegion.Meta):
        verbose_name = _("Nachnutzende Kommune")
        verbose_name_plural = _("Bereits nachgenutzt von")


class CaseStudyPage(ImportableMixin, RegionalMixin, SourceMixin, BasePage):
    """A Praxisbeispiel: one municipality's project, told so that others can re-use it."""

    class Status(models.TextChoices):
        IDEA = "idee", _("Idee")
        PILOT = "pilot", _("Pilot")
        LIVE = "betrieb", _("Im Betrieb")
        ROLLED_OUT = "ausgerollt", _("Ausgerollt")

    class EffortBand(models.TextChoices):
        UNKNOWN = "", _("keine Angabe")
        XS = "bis-10k", _("bis 10.000 €")
        S = "10k-50k", _("10.000 bis 50.000 €")
        M = "50k-250k", _("50.000 bis 250.000 €")
        L = "ueber-250k", _("über 250.000 €")

    class Reusability(models.TextChoices):
        YES = "ja", _("nachnutzbar")
        PARTLY = "teilweise", _("teilweise nachnutzbar")
        NO = "nein", _("nicht nachnutzbar")
        UNKNOWN = "offen", _("noch offen")

    municipality = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="case_studies",
        null=True,
        limit_choices_to={"level__in": ["gemeinde", "kreis"]},
        help_text=_("Die Gemeinde oder der Kreis, der das Projekt umsetzt."),
    )
    themenfelder = ParentalManyToManyField(
        "knowledge.Themenfeld",
        verbose_name=_("OZG-Themenfelder"),
        blank=True,
        related_name="case_studies",
        help_text=_("Die Themenfelder der gewählten OZG-Leistungen kommen automatisch hinzu."),
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.PILOT
    )
    start_date = models.DateField(_("Projektstart"), null=True, blank=True)
    go_live_date = models.DateField(_("Go-live"), null=True, blank=True)
    partners = ParentalManyToManyField(
        "knowledge.Organisation",
        verbose_name=_("Partner und Dienstleister"),
        blank=True,
        related_name="case_studies",
    )
    software = models.CharField(
        _("Eingesetzte Software"),
        max_length=255,
        blank=True,
        help_text=_("Produkte, Fachverfahren, Plattformen"),
    )
    effort_band = models.CharField(
        _("Aufwand"),
        max_length=12,
        choices=EffortBand.choices,
        blank=True,
        default=EffortBand.UNKNOWN,
    )
    funding = models.CharField(
        _("Förderung"), max_length=255, blank=True, help_text=_("z. B. Förderprogramm des Landes")
    )
    reusability = models.CharField(
        _("Nachnutzung"), max_length=10, choices=Reusability.choices, default=Reusability.UNKNOWN
    )
    reuse_description = RichTextField(
        _("So lässt sich das nachnutzen"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    contact_person = models.ForeignKey(
        "knowledge.Person",
        verbose_name=_("Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    editor_notes = models.TextField(
        _("Redaktionsnotizen (intern)"),
        blank=True,
        help_text=_("Nur für die Redaktion; wird nie angezeigt oder durchsucht."),
    )

    content_panels = (
        BasePage.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("municipality"),
                    MultipleChooserPanel(
                        "partner_municipality_links",
                        chooser_field_name="region",
                        heading=_("Partnerkommunen"),
                        label=_("Partnerkommune"),
                    ),
                ],
                heading=_("Kommunen"),
            ),
            MultipleChooserPanel(
                "ozg_leistungen",
                chooser_field_name="leistung",
                heading=_("OZG-Leistungen"),
                label=_("OZG-Leistung"),
            ),
            FieldPanel("themenfelder", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("go_live_date")]),
                    FieldPanel("effort_band"),
                    FieldPanel("funding"),
                ],
                heading=_("Projekt"),
            ),
            MultiFieldPanel(
                [FieldPanel("partners"), FieldPanel("software")], heading=_("Partner und Technik")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("reusability"),
                    FieldPanel("reuse_description"),
                    MultipleChooserPanel(
                        "reuse_links",
                        chooser_field_name="region",
                        heading=_("Bereits nachgenutzt von"),
                        label=_("Kommune"),
                    ),
                ],
                heading=_("Nachnutzung"),
            ),
            FieldPanel("contact_person"),
            FieldPanel("body"),
        ]
        + SourceMixin.source_panels
    )
    internal_panels = [FieldPanel("editor_notes")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(BasePage.promote_panels, heading=_("Teaser und SEO")),
            ObjectList(internal_panels, heading=_("Intern")),
            ObjectList(BasePage.settings_panels, heading=_("Einstellungen")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("teaser_text", boost=2),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("short_name", boost=2)]),
        index.RelatedFields("land", [index.SearchField("short_name")]),
        index.RelatedFields("kreis", [index.SearchField("short_name")]),
        index.RelatedFields("themenfelder", [index.SearchField("name")]),
        index.RelatedFields(
            "ozg_leistungen", [index.RelatedFields("leistung", [index.SearchField("name")])]
        ),
        index.SearchField("software"),
        index.RelatedFields("partners", [index.SearchField("name")]),
        # Never indexed: editor_notes, and the contact person (whose e-mail is internal).
        index.FilterField("municipality"),
        index.FilterField("land"),
        index.FilterField("kreis"),
        index.FilterField("status"),
        index.FilterField("go_live_date"),
    ]
    # Offered by the page API (/api/v2/); relations are serialised in ik_cms/api_v2.py.
    # Never: contact_person, editor_notes, import_key.
    api_fields = [
        "teaser_text",
        "municipality",
        "land",
        "kreis",
        "partner_municipality_links",
        "ozg_leistungen",
        "themenfelder",
        "status",
        "start_date",
        "go_live_date",
        "last_published_at",
        "partners",
        "software",
        "effort_band",
        "funding",
        "reusability",
        "reuse_description",
        "reuse_links",
        "body",
        "source_url",
        "source_license",
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")
        constraints = [ImportableMixin.import_key_constraint("unique_case_study_import_key")]

    def save(self, *args, **kwargs):
        # A save of some columns only (save_revision's) leaves the relations alone.
        if kwargs.get("update_fields") is None:
            self.add_derived_themenfelder()
        super().save(*args, **kwargs)

    def add_derived_themenfelder(self):
        """The Themenfelder of the chosen OZG-Leistungen always belong to the case study
        (no query when the Leistungen are loaded and their Themenfelder chosen)."""
        items = list(self.ozg_leistungen.all())
        if not items:
            return
        if all(CaseStudyLeistung.leistung.is_cached(item) for item in items):
            derived = {item.leistung.themenfeld_id for item in items}
        else:
            derived = set(
                Leistung.objects.filter(pk__in=[item.leistung_id for item in items]).values_list(
                    "themenfeld_id", flat=True
                )
            )
        chosen = list(self.themenfelder.all())
        missing = derived - {t.pk for t in chosen} - {None}
        if missing:
            self.themenfelder.set(chosen + list(Themenfeld.objects.filter(pk__in=missing)))

    @property
    def leistungen(self):
        return [item.leistung for item in self.ozg_leistungen.all()]

    def get_context(self, request, *args, **kwargs):
        """Everything the page shows, each relation in one query whatever its size."""
        from .learning import LearningPage
        from .people import Person

        context = super().get_context(request, *args, **kwargs)
        context["municipality"] = self.get_region_with_parents()
        context["themenfelder"] = list(self.themenfelder.all())
        context["leistungen"] = [
            item.leistung for item in self.ozg_leistungen.select_related("leistung")
        ]
        context["partners"] = list(self.partners.all())
        context["reused_by"] = [
            link.region for link in self.reuse_links.select_related("region__land", "region__kreis")
        ]
        context["partner_municipalities"] = [
            link.region
            for link in self.partner_municipality_links.select_related(
                "region__land", "region__kreis"
            )
        ]
        context["contact_person"] = (
            Person.objects.select_related("municipality", "organisation")
            .filter(pk=self.contact_person_id)
            .first()
            if self.contact_person_id
            else None
        )
        presentations = chapters = learnings = []
        if self.pk:
            # Reverse relations from the events app, named by their related_name only:
            # ``knowledge`` does not import ``events``.
            presentations = list(
                self.presented_in.filter(page__live=True)
                .select_related("page")
                .order_by("page__start", "page_id", "sort_order")
            )
            chapters = list(
                self.recording_chapters.filter(page__live=True)
                .select_related("page")
                .order_by("page__path", "start")
            )
            learnings = list(
                LearningPage.objects.live()
                .filter(related_case_studies__case_study=self)
                .distinct()
                .order_by("-first_published_at")
            )
        context["presentations"] = presentations
        context["recording_chapters"] = chapters
        context["related_learnings"] = learnings
        from knowledge import related

        context["related_case_studies"] = (
            related.for_case_study(
                self,
                leistungen=context["leistungen"],
                themenfelder=context["themenfelder"],
                region=context["municipality"],
            )
            if self.pk
            else []
        )
        return context
