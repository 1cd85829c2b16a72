"""Faceted search over case studies, learnings, events and recordings.

Plain functions over the cleaned parameters of :class:`search.forms.SearchForm`,
testable without HTTP:

- :func:`build_queryset` – live pages of the four types in one locale, with the
  filters applied (several values of one filter OR, different filters AND);
- :func:`facet_counts` – one grouped query per facet, each with every filter but its own;
- :func:`search` – the above plus the full-text query, sorting and pagination.

Every page gets the same derived columns (``f_land``, ``f_kreis``, ``f_ags``,
``f_date``) whatever its type, so that filters and facets are written once. A recording
has no region or date of its own: it takes those of its parent event.
"""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    F,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear, Length, NullIf, Substr
from django.utils.html import escape
from wagtail.models import Locale, Page

from events.models import EventPage, RecordingPage
from knowledge.models.case_study import CaseStudyLeistung, CaseStudyPage
from knowledge.models.learning import LearningPage
from knowledge.models.taxonomy import Leistung, Region, Themenfeld
from search.fallback import search_with_fallback

TYPES = {
    "case_study": CaseStudyPage,
    "learning": LearningPage,
    "event": EventPage,
    "recording": RecordingPage,
}
FACETS = ("land", "kreis", "themenfeld", "ozg", "type", "year", "status")


def _parent_event(column):
    """``column`` of the page's parent EventPage (for recordings), as a subquery."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return Subquery(EventPage.objects.filter(path=parent_path).values(column)[:1])


def _first(*lookups, output_field=None):
    return Coalesce(
        *[F(x) if isinstance(x, str) else x for x in lookups], output_field=output_field
    )


def annotated_pages(locale):
    """Live pages of the four types in ``locale`` with their derived columns."""
    pages = Page.objects.live().filter(locale=locale).type(*TYPES.values())
    region = {}
    for name, own in (("land", "land_id"), ("kreis", "kreis_id")):
        region[name] = _first(
            f"casestudypage__{own}",
            f"learningpage__{own}",
            f"eventpage__{own}",
            _parent_event(own),
            output_field=CharField(),
        )
    return pages.annotate(
        f_land=region["land"],
        f_kreis=region["kreis"],
        f_ags=_first(
            "casestudypage__municipality_id",
            "learningpage__municipality_id",
            "eventpage__host_municipality_id",
            _parent_event("host_municipality_id"),
            output_field=CharField(),
        ),
        f_date=_first(
            "eventpage__start",
            _parent_event("start"),
            "first_published_at",
            output_field=DateTimeField(),
        ),
    ).annotate(f_year=ExtractYear("f_date"))


def _in_either(model_field, values):
    """Pages whose case study or learning has ``model_field`` in ``values``."""
    return Q(
        pk__in=CaseStudyPage.objects.filter(**{f"{model_field}__in": values}).values("pk")
    ) | Q(pk__in=LearningPage.objects.filter(**{f"{model_field}__in": values}).values("pk"))


def _filters(params, matching_ids=None, exclude=None):
    """One Q per active filter, keyed by facet name; ``exclude`` leaves one out."""
    q = {}
    if params.get("land"):
        q["land"] = Q(f_land__in=params["land"])
    if params.get("kreis"):
        q["kreis"] = Q(f_kreis__in=params["kreis"])
    if params.get("ags"):
        q["ags"] = Q(f_ags__in=params["ags"])
    if params.get("themenfeld"):
        q["themenfeld"] = _in_either("themenfelder", params["themenfeld"])
    if params.get("ozg"):
        q["ozg"] = Q(
            pk__in=CaseStudyLeistung.objects.filter(leistung_id__in=params["ozg"]).values("page_id")
        )
    if params.get("type"):
        q["type"] = Q(
            content_type__in=ContentType.objects.get_for_models(
                *[TYPES[t] for t in params["type"]]
            ).values()
        )
    if params.get("year"):
        q["year"] = Q(f_year=params["year"])
    if params.get("status"):
        q["status"] = Q(casestudypage__status__in=params["status"])
    if matching_ids is not None:
        q["q"] = Q(pk__in=matching_ids)
    q.pop(exclude, None)
    return list(q.values())


def get_locale(params):
    return Locale.objects.get(language_code=params["lang"])


def matching_ids(params, locale):
    """Ids of the pages matching the full-text query, best first; None without ``q``.

    Wagtail's search runs once over the whole locale, so that the facets (which each
    drop one filter) all see the same matches.
    """
    if not params.get("q"):
        return None
    scope = Page.objects.live().filter(locale=locale).type(*TYPES.values())
    # Elasticsearch, when configured, falls back to the database backend if it is down.
    return search_with_fallback(
        scope, params["q"], evaluate=lambda results: [page.pk for page in results], operator="and"
    )


def build_queryset(params, locale=None, ids=None, exclude=None):
    """The filtered pages (``Page`` instances with the ``f_*`` columns)."""
    locale = locale or get_locale(params)
    return annotated_pages(locale).filter(*_filters(params, ids, exclude))


def facet_counts(params, locale=None, ids=None):
    """``{facet: [{"value", "label", "count"}]}``; each facet ignores its own filter.

    Every value with at least one page is listed, and a chosen value even with none.
    """
    locale = locale or get_locale(params)

    def base(name):
        return build_queryset(params, locale, ids, exclude=name)

    def grouped(qs, column):
        return dict(
            qs.order_by()
            .values_list(column)
            .annotate(n=Count("pk", distinct=True))
            .values_list(column, "n")
        )

    def listing(counts, labels, chosen=()):
        for value in chosen:
            counts.setdefault(value, 0)
        rows = [
            {"value": str(v), "label": str(labels.get(v, v)), "count": n}
            for v, n in counts.items()
            if v is not None
        ]
        return sorted(rows, key=lambda r: (-r["count"], r["label"]))

    facets = {}
    land = grouped(base("land"), "f_land")
    kreis = grouped(base("kreis"), "f_kreis") if params.get("land") else {}
    codes = {*land, *kreis, *params.get("land", []), *params.get("kreis", [])} - {None}
    names = {}
    for region in Region.objects.filter(code__in=codes).only("code", "level", "short_name", "kind"):
        # Kreise share names ("München" the city and the Landkreis): add the kind.
        names[region.code] = (
            f"{region.short_name} ({region.kind_label})"
            if region.level == Region.Level.KREIS and region.kind
            else region.short_name
        )
    facets["land"] = listing(land, names, params.get("land", []))
    if params.get("land"):
        facets["kreis"] = listing(kreis, names, params.get("kreis", []))

    pages = base("themenfeld").values("pk")
    themen = {}
    for model in (CaseStudyPage, LearningPage):
        through = model.themenfelder.through
        page_column = f"{model._meta.model_name}_id"
        rows = (
            through.objects.filter(**{f"{page_column}__in": pages})
            .order_by()
            .values_list("themenfeld_id", "themenfeld__slug", "themenfeld__name")
            .annotate(n=Count(page_column, distinct=True))
        )
        for pk, slug, name, n in rows:
            entry = themen.setdefault(pk, {"value": slug, "label": name, "count": 0})
            entry["count"] += n
    chosen = set(params.get("themenfeld", [])) - set(themen)
    for pk, slug, name in Themenfeld.objects.filter(pk__in=chosen).values_list(
        "pk", "slug", "name"
    ):
        themen[pk] = {"value": slug, "label": name, "count": 0}
    facets["themenfeld"] = sorted(themen.values(), key=lambda r: (-r["count"], r["label"]))

    ozg = (
        CaseStudyLeistung.objects.filter(page_id__in=base("ozg").values("pk"))
        .order_by()
        .values_list("leistung_id", "leistung__name")
        .annotate(n=Count("page_id", distinct=True))
    )
    ozg_counts = {pk: n for pk, _, n in ozg}
    ozg_labels = {pk: name for pk, name, _ in ozg}
    missing = set(params.get("ozg", [])) - set(ozg_labels)
    if missing:
        ozg_labels.update(Leistung.objects.filter(pk__in=missing).values_list("pk", "name"))
    facets["ozg"] = listing(ozg_counts, ozg_labels, params.get("ozg", []))

    content_types = ContentType.objects.get_for_models(*TYPES.values())
    type_of = {content_types[model].pk: name for name, model in TYPES.items()}
    types = grouped(base("type"), "content_type")
    facets["type"] = listing(
        {type_of[ct]: n for ct, n in types.items()},
        {name: model._meta.verbose_name for name, model in TYPES.items()},
        params.get("type", []),
    )

    years = grouped(base("year"), "f_year")
    facets["year"] = sorted(
        listing(years, {}, [params["year"]] if params.get("year") else []),
        key=lambda r: r["value"],
        reverse=True,
    )

    status = grouped(
        base("status").filter(content_type=content_types[CaseStudyPage]), "casestudypage__status"
    )
    facets["status"] = listing(status, dict(CaseStudyPage.Status.choices), params.get("status", []))
    return facets


def highlight(text, query):
    """``text`` HTML-escaped, with the query's words wrapped in ``<mark>``."""
    escaped = escape(text or "")
    words = sorted(
        {escape(w) for w in re.findall(r"\w+", query or "") if len(w) > 1}, key=len, reverse=True
    )
    if not words:
        return escaped
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)


@dataclass
class SearchResult:
    count: int
    page: int
    page_size: int
    results: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)


def _summary():
    return Coalesce(
        NullIf("casestudypage__teaser_text", Value("")),
        NullIf("learningpage__teaser_text", Value("")),
        NullIf("eventpage__teaser_text", Value("")),
        NullIf("recordingpage__teaser_text", Value("")),
        NullIf("recordingpage__intro", Value("")),
        NullIf("search_description", Value("")),
        Value(""),
        output_field=TextField(),
    )


def search(params, request=None):
    """One page of results and the facets for the cleaned ``params``."""
    locale = get_locale(params)
    ids = matching_ids(params, locale)
    filtered = build_queryset(params, locale, ids)
    page, size = params["page"], params["page_size"]
    offset = (page - 1) * size

    if ids is not None and params["sort"] == "relevance":
        rank = {pk: i for i, pk in enumerate(ids)}
        found = sorted(filtered.values_list("pk", flat=True), key=rank.__getitem__)
        count = len(found)
        page_ids = found[offset : offset + size]
        rows = {p.pk: p for p in filtered.filter(pk__in=page_ids).annotate(f_summary=_summary())}
        pages = [rows[pk] for pk in page_ids if pk in rows]
    else:
        count = filtered.count()
        pages = list(
            filtered.annotate(f_summary=_summary()).order_by(
                F("f_date").desc(nulls_last=True), "-pk"
            )[offset : offset + size]
        )

    return SearchResult(
        count=count,
        page=page,
        page_size=size,
        results=_serialize(pages, params.get("q", ""), request),
        facets=facet_counts(params, locale, ids),
    )


def _serialize(pages, query, request):
    """Dicts for the API, with regions and Themenfelder loaded in two queries."""
    codes = {c for p in pages for c in (p.f_ags, p.f_land) if c}
    regions = dict(Region.objects.filter(code__in=codes).values_list("code", "short_name"))
    ids = [p.pk for p in pages]
    themen = {}
    for model in (CaseStudyPage, LearningPage):
        page_column = f"{model._meta.model_name}_id"
        for page_id, slug, name in (
            model.themenfelder.through.objects.filter(**{f"{page_column}__in": ids})
            .order_by("themenfeld__name")
            .values_list(page_column, "themenfeld__slug", "themenfeld__name")
        ):
            themen.setdefault(page_id, []).append({"slug": slug, "name": name})
    content_types = ContentType.objects.get_for_models(*TYPES.values())
    type_of = {content_types[model].pk: name for name, model in TYPES.items()}
    results = []
    for p in pages:
        results.append(
            {
                "title": p.title,
                "url": p.get_url(request),
                "type": type_of.get(p.content_type_id),
                "summary": p.f_summary,
                "highlight": highlight(p.f_summary, query),
                "date": p.f_date.isoformat() if p.f_date else None,
                "municipality": {"ags": p.f_ags, "name": regions.get(p.f_ags)} if p.f_ags else None,
                "land": {"code": p.f_land, "name": regions.get(p.f_land)} if p.f_land else None,
                "themenfelder": themen.get(p.pk, []),
            }
        )
    return results
