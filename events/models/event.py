from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage
from home.page_cache import expire_at
from knowledge.models import RegionalMixin

BERLIN = ZoneInfo("Europe/Berlin")
ORGANIZER = "Initiative K"


class EventSpeaker(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "knowledge.Person", verbose_name=_("Person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("Impulsgeber:in")
        verbose_name_plural = _("Impulsgeber:innen")


class AgendaItem(Orderable):
    """One slot of an event's agenda; an Impuls links to the case study it presents."""

    class Kind(models.TextChoices):
        GREETING = "grusswort", _("Grußwort")
        IMPULSE = "impuls", _("Impuls")
        DISCUSSION = "diskussion", _("Diskussion")
        NETWORKING = "networking", _("Networking")

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="agenda")
    time = models.TimeField(_("Uhrzeit"), null=True, blank=True)
    kind = models.CharField(_("Art"), max_length=12, choices=Kind.choices, default=Kind.IMPULSE)
    title = models.CharField(_("Titel"), max_length=255)
    speaker = models.ForeignKey(
        "knowledge.Person",
        verbose_name=_("Referent:in"),
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
        related_name="presented_in",
    )

    panels = [
        FieldRowPanel([FieldPanel("time"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("case_study")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programm")


class EventPage(RegionalMixin, BasePage):
    """An online event of a series, opened by its host municipality."""

    region_field = "host_municipality"

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    host_municipality = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Gastgeber"),
        null=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
        limit_choices_to={"level__in": ["gemeinde", "kreis"]},
    )
    greeting_by = models.ForeignKey(
        "knowledge.Person",
        verbose_name=_("Grußwort von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    participants_count = models.PositiveIntegerField(_("Teilnehmende"), null=True, blank=True)
    municipalities_count = models.PositiveIntegerField(
        _("Teilnehmende Kommunen"), null=True, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("Beschreibung"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("host_municipality"),
        FieldPanel("greeting_by"),
        FieldPanel("body"),
        InlinePanel("agenda", heading=_("Programm"), label=_("Programmpunkt")),
        InlinePanel("speakers", heading=_("Impulsgeber:innen"), label=_("Person")),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldRowPanel(
                    [FieldPanel("participants_count"), FieldPanel("municipalities_count")]
                ),
            ],
            heading=_("Anmeldung und Teilnahme"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("teaser_text", boost=2),
        index.SearchField("body"),
        index.RelatedFields("host_municipality", [index.SearchField("short_name", boost=2)]),
        index.RelatedFields("land", [index.SearchField("short_name")]),
        index.RelatedFields("kreis", [index.SearchField("short_name")]),
        index.RelatedFields(
            "agenda",
            [
                index.SearchField("title"),
                index.RelatedFields("speaker", [index.SearchField("name")]),
            ],
        ),
        index.FilterField("host_municipality"),
        index.FilterField("start"),
        index.FilterField("land"),
        index.FilterField("kreis"),
    ]
    # Offered by the page API (/api/v2/); relations are serialised in ik_cms/api_v2.py.
    # Never: greeting_by, speakers (people), the agenda's speakers.
    api_fields = [
        "teaser_text",
        "start",
        "end",
        "host_municipality",
        "land",
        "registration_url",
        "participants_count",
        "municipalities_count",
        "agenda",
        "body",
    ]

    parent_page_types = ["events.EventSeriesPage"]
    subpage_types = ["events.RecordingPage"]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})

    @property
    def is_upcoming(self):
        """Decided by the clock, never by an editor's flag."""
        return self.end > timezone.now()

    def structured_data(self, request, speakers=(), language="de"):
        """schema.org ``Event`` for search engines, as a dict for ``json.dumps``.

        ``speakers`` are Person snippets; only their names are published.
        """
        _site_id, root_url, page_path = self.get_url_parts(request) or (None, "", "")
        url = (root_url or "") + (page_path or "")
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": url,
            "startDate": self.start.astimezone(BERLIN).isoformat(),
            "endDate": self.end.astimezone(BERLIN).isoformat(),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "VirtualLocation",
                "url": (self.registration_url if self.is_upcoming else "") or url,
            },
            "organizer": {"@type": "Organization", "name": ORGANIZER, "url": f"{root_url}/"},
            "inLanguage": language,
        }
        if self.teaser_text:
            data["description"] = self.teaser_text
        performers = [{"@type": "Person", "name": person.name} for person in speakers]
        if performers:
            data["performer"] = performers
        return data

    def get_context(self, request, *args, **kwargs):
        """Host, greeting, agenda, speakers and recordings, each in one query."""
        from knowledge.models import Person, Region

        from .recording import RecordingPage
        from .series import EventSeriesPage

        context = super().get_context(request, *args, **kwargs)
        if self.is_upcoming:
            # The registration link must not outlive the event in the page cache.
            expire_at(request, self.end)
        people = Person.objects.select_related("municipality", "organisation")
        context["host"] = (
            Region.objects.select_related("land", "kreis")
            .filter(pk=self.host_municipality_id)
            .first()
            if self.host_municipality_id
            else None
        )
        context["greeter"] = (
            people.filter(pk=self.greeting_by_id).first() if self.greeting_by_id else None
        )
        context["agenda_items"] = list(
            self.agenda.select_related(
                "speaker__municipality", "speaker__organisation", "case_study"
            )
        )
        context["event_speakers"] = [
            item.person
            for item in self.speakers.select_related("person__municipality", "person__organisation")
        ]
        recordings = series = None
        if self.pk:
            recordings = list(RecordingPage.objects.live().child_of(self).order_by("path"))
            series = EventSeriesPage.objects.parent_of(self).select_related("land").first()
        context["recordings"] = recordings or []
        context["series"] = series
        return context
