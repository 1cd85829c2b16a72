"""``{% laender_map %}``: the Länder map with its table (``includes/_laender_map.html``).

On the home page the tag counts the site's live case studies and events itself (two
queries); the search page passes the map its view built from the current search.
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from search import map as laender

register = template.Library()


def _search_url(code):
    return f"{reverse('search')}?{urlencode({'land': code})}"


@register.inclusion_tag("includes/_laender_map.html")
def laender_map(data=None, heading=None, compact=False):
    """The map of ``data`` (from :func:`search.map.build_map`), or of the whole site."""
    if data is None:
        cases, events = laender.site_counts()
        data = laender.build_map(cases, events, _search_url)
    return {
        "map": data,
        "heading": heading or _("Praxisbeispiele nach Ländern"),
        "compact": compact,
    }
