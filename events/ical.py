"""iCalendar (RFC 5545) files of events, built with the ``icalendar`` library.

One event (a download), all upcoming events, one series (subscribable feeds). The
functions take event pages already filtered by the views (live, public, this site and
language) and only turn them into calendar data.

- The UID is derived from the page's ``translation_key``, which no edit changes, so a
  calendar updates the event instead of adding a second one when its title or time is
  corrected. (A page's translations share the key: they are the same event.)
- Times are written in Europe/Berlin with a ``VTIMEZONE``, as the events are announced.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

BERLIN = ZoneInfo("Europe/Berlin")
UID_DOMAIN = "initiative-k"
PRODID = "-//Initiative K//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event):
    return f"event-{event.translation_key}@{UID_DOMAIN}"


def event_description(event):
    """The teaser text and, while the event is upcoming, the registration link."""
    parts = [event.teaser_text.strip()] if event.teaser_text else []
    if event.registration_url and event.is_upcoming:
        parts.append(_("Anmeldung: %(url)s") % {"url": event.registration_url})
    return "\n\n".join(parts)


def event_component(event, request, stamp):
    """The ``VEVENT`` of one event page."""
    url = event.get_full_url(request)
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    component.add("dtstart", event.start.astimezone(BERLIN))
    component.add("dtend", event.end.astimezone(BERLIN))
    component.add("summary", event.title)
    description = event_description(event)
    if description:
        component.add("description", description)
    if url:
        component.add("url", url)
    component.add("location", _("Online"))
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def build_calendar(events, request, name=None):
    """The bytes of an iCalendar file of ``events``; ``name`` makes it a feed with a
    calendar name (``X-WR-CALNAME``)."""
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Berlin")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(event_component(event, request, stamp))
    if events:
        # Transitions only for the years the events span, not 1970–2038.
        first = min(e.start for e in events).astimezone(BERLIN).date()
        last = max(e.end for e in events).astimezone(BERLIN).date()
        calendar.add_missing_timezones(
            first_date=first.replace(month=1, day=1),
            last_date=last.replace(year=last.year + 1, month=1, day=1),
        )
    return calendar.to_ical()
