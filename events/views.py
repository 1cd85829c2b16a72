"""iCalendar downloads and feeds of the events (see ``events/ical.py``).

Only live, public event pages of the current site in the active language are offered;
anything else is a 404, as its page would be.
"""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from home.queries import MAX_PAGE_ID, visible

from . import ical
from .models import EventPage, EventSeriesPage


def calendar_response(events, request, name=None, filename=None):
    response = HttpResponse(
        ical.build_calendar(events, request, name=name), content_type=ical.CONTENT_TYPE
    )
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_ical(request, pk):
    """One event as a file to add to a calendar."""
    if pk > MAX_PAGE_ID:
        raise Http404
    event = visible(EventPage.objects.all(), request).filter(pk=pk).first()
    if event is None:
        raise Http404
    return calendar_response([event], request, filename=f"{event.slug}.ics")


def upcoming_ical(request):
    """All upcoming events: a calendar to subscribe to."""
    events = (
        visible(EventPage.objects.all(), request).filter(end__gt=timezone.now()).order_by("start")
    )
    return calendar_response(events, request, name=_("Initiative K – Veranstaltungen"))


def series_ical(request, pk):
    """All events of one series: a calendar to subscribe to."""
    if pk > MAX_PAGE_ID:
        raise Http404
    series = visible(EventSeriesPage.objects.all(), request).filter(pk=pk).first()
    if series is None:
        raise Http404
    events = visible(EventPage.objects.child_of(series), request).order_by("start")
    return calendar_response(events, request, name=f"Initiative K – {series.title}")
