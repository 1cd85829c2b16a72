"""Faceted search over case studies, learnings, events and recordings.

Plain functions over the cleaned parameters of :class:`search.forms.SearchForm`,
testable without HTTP:

- :func:`matches` – the search documents (:mod:`search.documents`) of the live pages in
  one locale that match the query, ranked, in one SQL statement (all of them without a
  query);
- :func:`filter_and_count` – the filters over those rows (several values of one filter
  OR, different filters AND) and each facet's counts with every filter but its own;
- :func:`search` – the above plus labels, sorting, pagination and the shown results.

The documents are derived from the pages by :func:`annotate_facts`: every page gets the
same columns (``f_land``, ``f_kreis``, ``f_ags``, ``f_date``) whatever its type. A
recording has no region or date of its own: it takes those of its parent event.
:func:`build_queryset` applies the same filters to the page tables themselves (the
tests check the two agree).
"""

import heapq
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
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
from knowledge.labels import localized_name
from knowledge.models.case_study import CaseStudyLeistung, CaseStudyPage
from knowledge.models.learning import LearningPage
from knowledge.models.taxonomy import CatalogueLabel, Leistung, Region, Themenfeld
from search.backends import DOCUMENT_COLUMNS
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
    return annotate_facts(Page.objects.live().filter(locale=locale).type(*TYPES.values()))


def annotate_facts(pages):
    """``pages`` with the derived columns ``f_land``, ``f_kreis``, ``f_ags``, ``f_date``,
    ``f_year``, whatever the page type."""
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


# --- documents: matching, filtering and counting in one pass ----------------------------


# A match is a row of the search documents (DOCUMENT_COLUMNS) with its rank appended
# (higher is better): plain tuples, as the database hands them out, read by position.
PK, KIND, LAND, KREIS, AGS, YEAR, DATE, STATUS, THEMEN, OZG, RANK = range(11)
COLUMN_OF = {"land": LAND, "kreis": KREIS, "ags": AGS, "type": KIND, "status": STATUS}


def matches(params, locale):
    """The live documents of ``locale`` that match ``q`` (all of them without ``q``).

    On the German database backends one SQL statement joins the full-text match with
    the documents and ranks it; on another backend (Elasticsearch) the backend's ranked
    page ids are looked up in the documents, and its failure falls back to the
    database (:func:`search.fallback.search_with_fallback`).
    """
    from modelsearch.backends import get_search_backend

    from search.models import SearchDocument

    documents = SearchDocument.objects.filter(locale=locale, live=True)
    if not params.get("q"):
        return [(*row, 0.0) for row in documents.values_list(*DOCUMENT_COLUMNS)]
    backend = get_search_backend()
    if hasattr(backend, "match_documents"):
        return backend.match_documents(params["q"], locale.pk)
    ids = matching_ids(params, locale)
    rank = {pk: len(ids) - i for i, pk in enumerate(ids)}
    rows = documents.filter(page_id__in=ids).values_list(*DOCUMENT_COLUMNS)
    return [(*row, rank[row[PK]]) for row in rows]


def _tests(params):
    """``[(facet, predicate)]`` for the active filters (``ags`` filters but is no facet)."""
    tests = []
    for name, column in COLUMN_OF.items():
        if params.get(name):
            chosen = frozenset(params[name])
            tests.append((name, lambda r, c=chosen, i=column: r[i] in c))
    for name, column in (("themenfeld", THEMEN), ("ozg", OZG)):
        if params.get(name):
            chosen = frozenset(str(v) for v in params[name])
            tests.append((name, lambda r, c=chosen, i=column: not c.isdisjoint(r[i].split())))
    if params.get("year"):
        year = int(params["year"])
        tests.append(("year", lambda r: r[YEAR] == year))
    return tests


def filter_and_count(found, params):
    """(the matches passing every filter, raw facet counts).

    A facet's counts take the matches that pass every filter but the facet's own: a
    match failing no filter counts in every facet, one failing exactly one filter only
    in that filter's facet.
    """
    tests = _tests(params)
    if tests:
        passed, only = [], {name: [] for name, _test in tests}
        for row in found:
            failed = None
            for name, test in tests:
                if not test(row):
                    if failed is not None:
                        break
                    failed = name
            else:
                (passed if failed is None else only[failed]).append(row)
    else:
        passed, only = found, {}

    def rows(facet):
        extra = only.get(facet)
        return itertools.chain(passed, extra) if extra else passed

    counters = {
        facet: Counter(row[column] for row in rows(facet) if row[column])
        for facet, column in (("land", LAND), ("kreis", KREIS), ("type", KIND))
    }
    counters["year"] = Counter(row[YEAR] for row in rows("year") if row[YEAR] is not None)
    counters["status"] = Counter(
        row[STATUS] for row in rows("status") if row[KIND] == "case_study" and row[STATUS]
    )
    for facet, column in (("themenfeld", THEMEN), ("ozg", OZG)):
        counters[facet] = Counter(
            int(value) for row in rows(facet) if row[column] for value in row[column].split()
        )
    return passed, counters


def _listing(counts, labels, chosen=()):
    counts = dict(counts)
    for value in chosen:
        counts.setdefault(value, 0)
    rows = [
        {"value": str(v), "label": str(labels.get(v, v)), "count": n}
        for v, n in counts.items()
        if v is not None
    ]
    return sorted(rows, key=lambda r: (-r["count"], r["label"]))


@dataclass
class Labels:
    regions: dict  # code: short name
    themenfelder: dict  # id: (slug, name)


def label_facets(counters, params, region_codes=()):
    """(``{facet: [{"value", "label", "count"}]}`` from raw counts, :class:`Labels`).

    Every value with at least one page is listed, and a chosen value even with none;
    Kreise only once a Land is chosen. ``region_codes`` are looked up along with the
    facets' regions (the results' Gemeinden and Länder).
    """
    facets = {}
    land, kreis = counters["land"], counters["kreis"] if params.get("land") else {}
    codes = {*land, *kreis, *params.get("land", []), *params.get("kreis", []), *region_codes}
    short_names, names = {}, {}
    for region in Region.objects.filter(code__in=codes - {""}).only(
        "code", "level", "short_name", "kind"
    ):
        short_names[region.code] = region.display_name  # a Land's in the active language
        # Kreise share names ("München" the city and the Landkreis): add the kind,
        # unless the name says it already ("Landkreis Kelheim", "Kreis Wesel").
        kind = str(region.kind_label) if region.level == Region.Level.KREIS else ""
        names[region.code] = (
            f"{region.short_name} ({kind})"
            if kind and kind.lower().split()[-1] not in region.short_name.lower()
            else region.display_name
        )
    facets["land"] = _listing(land, names, params.get("land", []))
    if params.get("land"):
        facets["kreis"] = _listing(kreis, names, params.get("kreis", []))

    themen = {
        pk: (slug, localized_name(CatalogueLabel.Kind.THEMENFELD, kdn_id, name))
        for pk, slug, name, kdn_id in Themenfeld.objects.values_list("pk", "slug", "name", "kdn_id")
    }
    counts = dict(counters["themenfeld"])
    for pk in params.get("themenfeld", []):
        counts.setdefault(int(pk), 0)
    facets["themenfeld"] = sorted(
        (
            {"value": themen[pk][0], "label": themen[pk][1], "count": n}
            for pk, n in counts.items()
            if pk in themen
        ),
        key=lambda r: (-r["count"], r["label"]),
    )

    chosen_ozg = [int(v) for v in params.get("ozg", [])]
    ozg_labels = {
        pk: localized_name(CatalogueLabel.Kind.LEISTUNG, pk, name)
        for pk, name in Leistung.objects.filter(pk__in={*counters["ozg"], *chosen_ozg}).values_list(
            "pk", "name"
        )
    }
    facets["ozg"] = _listing(counters["ozg"], ozg_labels, chosen_ozg)
    facets["type"] = _listing(
        counters["type"],
        {name: model._meta.verbose_name for name, model in TYPES.items()},
        params.get("type", []),
    )
    facets["year"] = sorted(
        _listing(counters["year"], {}, [int(params["year"])] if params.get("year") else []),
        key=lambda r: r["value"],
        reverse=True,
    )
    facets["status"] = _listing(
        counters["status"], dict(CaseStudyPage.Status.choices), params.get("status", [])
    )
    return facets, Labels(short_names, themen)


def facet_counts(params, locale=None):
    """``{facet: [{"value", "label", "count"}]}``; each facet ignores its own filter."""
    locale = locale or get_locale(params)
    _passed, counters = filter_and_count(matches(params, locale), params)
    return label_facets(counters, params)[0]


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
    # every match before the filters (the search page's map counts them again)
    matches: list = field(default_factory=list, repr=False)


def summary_expression():
    """A page's summary for the results: teaser text, a recording's intro, or the
    search description."""
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
    """One page of results and the facets for the cleaned ``params``.

    Queries: the matches with their facts (one statement), the shown pages' rows (one),
    the labels (three), whatever the number of matches.
    """
    from search.models import SearchDocument

    locale = get_locale(params)
    found = matches(params, locale)
    passed, counters = filter_and_count(found, params)
    page, size = params["page"], params["page_size"]
    if params.get("q") and params["sort"] == "relevance":
        key = lambda m: (m[RANK], m[PK])  # noqa: E731
    else:
        key = lambda m: (m[DATE] is not None, m[DATE] or 0, m[PK])  # noqa: E731
    # The best page * size matches, without sorting them all.
    shown = heapq.nlargest(page * size, passed, key=key)[(page - 1) * size :]
    facets, labels = label_facets(
        counters, params, {code for m in shown for code in (m[AGS], m[LAND]) if code}
    )
    documents = SearchDocument.objects.filter(page_id__in=[m[PK] for m in shown]).select_related(
        "page__locale"
    )
    pages = {d.page_id: d for d in documents}
    query = params.get("q", "")
    passages = transcript_passages([m[PK] for m in shown if m[KIND] == "recording"], query)
    results = [
        _serialize(match, pages[match[PK]], labels, query, request, passages.get(match[PK]))
        for match in shown
        if match[PK] in pages
    ]
    return SearchResult(
        count=len(passed),
        page=page,
        page_size=size,
        results=results,
        facets=facets,
        matches=found,
    )


def transcript_passages(recording_ids, text):
    """``{recording id: (start, passage)}``: for each recording, the first transcript
    passage that matches every word of the query, if one does (a recording found by
    its title, or by words spread over several passages, keeps its plain URL).

    The passages are analysed as the index analyses them, and the query as the index is
    queried (:func:`search.backends.query_groups`, typo corrections included), so that
    the passage found is one the search matched on. One query for all recordings.
    """
    from events.models import TranscriptSegment
    from search.backends import analyze_for_index, query_groups

    if not recording_ids or not text:
        return {}
    groups = query_groups(text, "default")
    if not groups:
        return {}
    found = {}
    segments = (
        TranscriptSegment.objects.filter(page_id__in=recording_ids)
        .order_by("page_id", "start", "sort_order")
        .values_list("page_id", "start", "text")
    )
    for page_id, start, passage in segments:
        if page_id in found:
            continue
        terms = set(analyze_for_index(passage).split())
        if all(any(all(t in terms for t in alt) for alt in group) for group in groups):
            found[page_id] = (start, passage)
    return found


def _serialize(match, document, labels, query, request, passage=None):
    """The API's dict of one result; a recording found in its transcript links to the
    passage's second (``#t=754``) and shows the passage."""
    regions, ags, land, date = labels.regions, match[AGS], match[LAND], match[DATE]
    themen = sorted(
        (
            labels.themenfelder[int(pk)]
            for pk in match[THEMEN].split()
            if int(pk) in labels.themenfelder
        ),
        key=lambda t: t[1],
    )
    url = document.page.get_url(request)
    timestamp = passage[0] if passage else None
    if passage and url:
        url = f"{url}#t={timestamp}"
    return {
        "title": document.page.title,
        "url": url,
        "type": match[KIND],
        "summary": document.summary,
        "highlight": highlight(passage[1] if passage else document.summary, query),
        "timestamp": timestamp,
        "date": date.isoformat() if date else None,
        "municipality": {"ags": ags, "name": regions.get(ags)} if ags else None,
        "land": {"code": land, "name": regions.get(land)} if land else None,
        "themenfelder": [{"slug": slug, "name": name} for slug, name in themen],
    }
