"""RSS 2.0 and Atom 1.0 feeds of new case studies and learnings.

One :class:`KnowledgeFeed` serves three scopes (everything, one OZG-Themenfeld, one
Land), each as RSS and as Atom. Items are the newest live, public pages of the active
language (``queries.newest_knowledge``): title, absolute link, teaser as description,
first publication as date, Themenfelder as categories and a stable id
(``urn:initiative-k:page:<id>``). Authors and contact persons are never part of a feed.
"""

import re
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from knowledge.models import KnowledgeIndexPage, Region, Themenfeld

from .queries import newest_knowledge, visible

PUBLISHER = "Initiative K"


@dataclass
class Scope:
    """What a feed covers, and the request it is built for (feeds are shared objects:
    nothing request-specific may be stored on them)."""

    request: object
    themenfeld: Themenfeld | None = None
    land: Region | None = None


def get_themenfeld(slug):
    themenfeld = Themenfeld.objects.filter(slug=slug).first()
    if themenfeld is None:
        raise Http404(_("Dieses Themenfeld gibt es nicht."))
    return themenfeld


def get_land(code):
    if not re.fullmatch(r"\d{2}", code or ""):
        raise Http404(_("Ein Land hat einen zweistelligen Schlüssel."))
    land = Region.objects.filter(level=Region.Level.LAND, code=code).first()
    if land is None:
        raise Http404(_("Dieses Land gibt es nicht."))
    return land


class KnowledgeFeed(Feed):
    feed_type = Rss201rev2Feed
    suffix = "rss"
    author_name = PUBLISHER
    item_guid_is_permalink = False

    def get_object(self, request, slug=None, code=None):
        return Scope(
            request=request,
            themenfeld=get_themenfeld(slug) if slug is not None else None,
            land=get_land(code) if code is not None else None,
        )

    # The channel

    def title(self, scope):
        if scope.themenfeld is not None:
            return _("Initiative K – Neues im Themenfeld %(name)s") % {
                "name": scope.themenfeld.label
            }
        if scope.land is not None:
            return _("Initiative K – Neues aus %(name)s") % {"name": scope.land.display_name}
        return _("Initiative K – Neue Praxisbeispiele und Learnings")

    def description(self, scope):
        if scope.themenfeld is not None:
            return _(
                "Neue Praxisbeispiele und Learnings aus den Kommunen im OZG-Themenfeld %(name)s."
            ) % {"name": scope.themenfeld.label}
        if scope.land is not None:
            return _("Neue Praxisbeispiele und Learnings aus den Kommunen in %(name)s.") % {
                "name": scope.land.display_name
            }
        return _("Neue Praxisbeispiele und Learnings aus den Kommunen: was digital funktioniert.")

    def subtitle(self, scope):
        return self.description(scope)

    def link(self, scope):
        """The knowledge listing (absolute, as the items), filtered like the feed."""
        index = visible(KnowledgeIndexPage.objects.all(), scope.request).first()
        url = index.get_full_url(scope.request) if index is not None else "/"
        if scope.themenfeld is not None:
            return f"{url}?themenfeld={scope.themenfeld.slug}"
        if scope.land is not None:
            return f"{url}?land={scope.land.code}"
        return url

    def feed_url(self, scope):
        if scope.themenfeld is not None:
            name, args = "themenfeld", [scope.themenfeld.slug]
        elif scope.land is not None:
            name, args = "land", [scope.land.code]
        else:
            name, args = "wissen", []
        return reverse(f"syndication:{name}_{self.suffix}", args=args)

    # The items

    def items(self, scope):
        items = newest_knowledge(scope.request, themenfeld=scope.themenfeld, land=scope.land)
        for item in items:
            item.feed_link = item.get_full_url(scope.request)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser_text or item.search_description or ""

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return f"urn:initiative-k:page:{item.pk}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [themenfeld.label for themenfeld in item.themenfelder.all()]


class KnowledgeAtomFeed(KnowledgeFeed):
    feed_type = Atom1Feed
    suffix = "atom"
