from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models import BasePage
from home.page_cache import expire_at


class EventIndexPage(BasePage):
    """ "Veranstaltungen": upcoming events first, then the series."""

    intro = models.TextField(_("Einleitung"), max_length=500, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventSeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Veranstaltungen (Übersicht)")
        verbose_name_plural = _("Veranstaltungen (Übersichten)")

    def get_context(self, request, *args, **kwargs):
        from .event import EventPage
        from .series import EventSeriesPage

        now = timezone.now()
        context = super().get_context(request, *args, **kwargs)
        upcoming = list(
            EventPage.objects.live()
            .descendant_of(self)
            .filter(end__gt=now)
            .select_related("host_municipality__land", "host_municipality__kreis")
            .order_by("start")
        )
        if upcoming:
            # The page changes when the first of them is over: cache it no longer.
            expire_at(request, min(event.end for event in upcoming))
        context["upcoming_events"] = upcoming
        series_list = list(
            EventSeriesPage.objects.live()
            .child_of(self)
            .select_related("land")
            .order_by("-period_start")
        )
        # The past events of all series in one query, attached to their series.
        past = (
            EventPage.objects.live()
            .descendant_of(self)
            .filter(end__lte=now)
            .select_related("host_municipality__land", "host_municipality__kreis")
            .order_by("-start")
        )
        by_parent_path = {}
        for event in past:
            by_parent_path.setdefault(event.path[: -EventPage.steplen], []).append(event)
        for series in series_list:
            series.past_events = by_parent_path.get(series.path, [])
        context["series_list"] = series_list
        return context
