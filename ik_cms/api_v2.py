"""Wagtail's read-only API v2 at /api/v2/ (published, public pages only).

Only the pages endpoint is registered (no images, documents or snippets: people and
their e-mail addresses are not reachable). The page types list the fields they offer in
``api_fields`` by name only; how a relation is shown is decided here, once, in
:data:`FIELD_SERIALIZERS`, so that no related object is ever serialised with more than
its public name and key (a region as AGS and name, a Themenfeld as slug and name).
Contact persons, speakers, greeting persons, owners and editor notes are in no
``api_fields`` list, so ``?fields=`` cannot ask for them (it answers 400).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from home.queries import MAX_PAGE_ID

#: Wagtail's filters turn a parameter into an ``int`` and query with it: a number beyond
#: 64 bits overflows SQLite's INTEGER (a 500). Page ids: ``home.queries.MAX_PAGE_ID``.
MAX_INTEGER = 2**63 - 1


class RegionField(serializers.Field):
    """A region as ``{"ags": "08111000", "name": "Stuttgart", "level": "gemeinde"}``."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, region):
        return {"ags": region.code, "name": region.display_name, "level": region.level}


class ManyField(serializers.Field):
    """A to-many relation as a list built by ``item(obj)`` for each related object."""

    def __init__(self, item, **kwargs):
        self.item = item
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        return [self.item(obj) for obj in manager.all()]


def region_item(region):
    return RegionField().to_representation(region)


def themenfeld_item(themenfeld):
    return {"slug": themenfeld.slug, "name": themenfeld.label}


def leistung_item(link):
    return {"ozg_id": link.leistung_id, "name": link.leistung.label}


def region_link_item(link):
    return region_item(link.region)


def organisation_item(organisation):
    return {"name": organisation.name, "kind": organisation.kind}


def agenda_item(item):
    # Title, kind and time only: the speaker (a person) stays out.
    return {
        "time": item.time.isoformat(timespec="minutes") if item.time else None,
        "kind": item.kind,
        "title": item.title,
    }


def chapter_item(chapter):
    return {"start": chapter.start, "title": chapter.title}


#: How each relation named in an ``api_fields`` list is serialised.
FIELD_SERIALIZERS = {
    "municipality": RegionField,
    "host_municipality": RegionField,
    "land": RegionField,
    "kreis": RegionField,
    "themenfelder": lambda: ManyField(themenfeld_item),
    "ozg_leistungen": lambda: ManyField(leistung_item),
    "partner_municipality_links": lambda: ManyField(region_link_item),
    "reuse_links": lambda: ManyField(region_link_item),
    "partners": lambda: ManyField(organisation_item),
    "agenda": lambda: ManyField(agenda_item),
    "chapters": lambda: ManyField(chapter_item),
}


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, restricted to pages without any view restriction.

    Wagtail's own base queryset is live pages of the site whose restriction the request
    passes (a logged-in editor would also see login-restricted pages); this API is for
    the public, so a page behind a password, a login or a group is never listed.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def initial(self, request, *args, **kwargs):
        """Refuse what the database would choke on before Wagtail's filters see it."""
        super().initial(request, *args, **kwargs)
        pk = kwargs.get("pk")
        if pk is not None and pk > MAX_PAGE_ID:
            raise Http404(_("Diese Seite gibt es nicht."))
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            # Wagtail hands it to the search backend, which raises (a 500).
            raise BadRequestError(_("search_operator ist „and“ oder „or“."))
        for name, values in request.GET.lists():
            for value in values:
                if "\x00" in value:
                    raise BadRequestError(
                        _("Der Parameter %(name)s enthält ein Nullzeichen.") % {"name": name[:40]}
                    )
                try:
                    number = int(value)
                except ValueError:
                    continue
                if abs(number) > MAX_INTEGER:
                    raise BadRequestError(
                        _("Die Zahl im Parameter %(name)s ist zu groß.") % {"name": name[:40]}
                    )

    def find_object(self, queryset, request):
        # find/?id=abc: Wagtail would hand the text to the database (a ValueError, a 500).
        if "id" in request.GET:
            try:
                int(request.GET["id"])
            except ValueError:
                raise BadRequestError(_("Der Parameter id ist keine Seiten-Id.")) from None
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        # A page that does not exist (or is not public) is a 404 whose message Django
        # leaves empty; say what it means.
        if isinstance(exc, Http404) and not str(exc).strip():
            exc = Http404(_("Diese Seite gibt es nicht."))
        return super().handle_exception(exc)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        names = cls.get_body_fields_names(model)
        for name, make in FIELD_SERIALIZERS.items():
            if name in names and name not in overrides:
                overrides[name] = make()
        return overrides


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
