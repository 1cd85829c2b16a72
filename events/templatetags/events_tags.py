"""The events section of the home page (the next events, else the latest past ones),
the link to the events overview and the structured data of an event page."""

from django import template
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from home.json_ld import json_ld_script
from home.page_cache import expire_at
from home.templatetags.home_tags import content_language, site_root_path

register = template.Library()

EVENT_JOINS = ("host_municipality__land", "host_municipality__kreis")


@register.inclusion_tag("includes/_next_events.html", takes_context=True)
def next_events(context, limit=3):
    """The next live events of the active language; if there are none, the latest past
    ones (the template says which of the two it shows)."""
    events = (
        EventPage.objects.live()
        .filter(locale__language_code=content_language())
        .select_related(*EVENT_JOINS)
    )
    upcoming = list(events.filter(end__gt=timezone.now()).order_by("start")[:limit])
    if upcoming:
        # The home page changes when the first of these events is over.
        expire_at(context.get("request"), min(event.end for event in upcoming))
    past = []
    if not upcoming:
        past = list(events.filter(end__lte=timezone.now()).order_by("-start")[:limit])
    return {
        "request": context.get("request"),
        "page": context.get("page"),
        "events": upcoming or past,
        "showing_past": not upcoming,
    }


@register.simple_tag(takes_context=True)
def event_index_url(context):
    """URL of the live events overview of the current site and language ("" if none)."""
    request = context.get("request")
    if request is not None and hasattr(request, "_ik_event_index_url"):
        return request._ik_event_index_url
    pages = EventIndexPage.objects.live().filter(locale__language_code=content_language())
    root_path = site_root_path(request)
    if root_path:
        pages = pages.filter(url_path__startswith=root_path)
    index = pages.order_by("path").first()
    url = index.get_url(request) if index is not None else ""
    if request is not None:
        request._ik_event_index_url = url
    return url


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    """The schema.org ``Event`` of an event page as a ``<script type="application/ld+json">``
    block; ``<``, ``>`` and ``&`` are escaped so that no text can end the script."""
    data = page.structured_data(
        context.get("request"), context.get("event_speakers") or (), language=content_language()
    )
    return json_ld_script(data)
