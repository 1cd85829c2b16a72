from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField

from home.models import BasePage
from home.page_cache import expire_at


class EventSeriesPage(BasePage):
    """One series of events per Land (e.g. "Baden-Württemberg 2021")."""

    land = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Land"),
        on_delete=models.PROTECT,
        related_name="event_series",
        null=True,
        limit_choices_to={"level": "land"},
    )
    period_start = models.DateField(_("Zeitraum von"))
    period_end = models.DateField(_("Zeitraum bis"), null=True, blank=True)
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [
        FieldPanel("land"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("intro"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("Veranstaltungsreihe")
        verbose_name_plural = _("Veranstaltungsreihen")

    def clean(self):
        super().clean()
        if self.period_end and self.period_start and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Das Ende liegt vor dem Anfang.")})

    @property
    def period_label(self):
        """ "2021" or "2021/22"."""
        if not self.period_start:
            return ""
        start = self.period_start.year
        if self.period_end and self.period_end.year != start:
            return f"{start}/{str(self.period_end.year)[-2:]}"
        return str(start)

    def get_context(self, request, *args, **kwargs):
        from .event import EventPage

        context = super().get_context(request, *args, **kwargs)
        events = list(
            EventPage.objects.live()
            .child_of(self)
            .select_related("host_municipality__land", "host_municipality__kreis")
            .order_by("start")
        )
        ends = [event.end for event in events if event.end > timezone.now()]
        if ends:
            # A card turns "past" when its event is over: cache the page no longer.
            expire_at(request, min(ends))
        context["events"] = events
        return context
