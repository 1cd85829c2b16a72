"""Autocomplete suggestions: page titles, municipalities and OZG-Leistungen that start
with or contain the typed text, in the active language.

Titles come from the ORM (``icontains``) merged with the search backend's own
autocomplete (word prefixes, diacritics folded); regions and Leistungen are matched on
their folded names, so "muench" and "münch" both suggest München. Prefix matches come
before infix matches, larger municipalities before smaller ones.
"""

from django.db.models import Case, IntegerField, Value, When
from wagtail.models import Page

from events.models import EventPage, RecordingPage
from knowledge.models import CaseStudyPage, LearningPage, Leistung, Region
from knowledge.text import fold

MIN_LENGTH = 2
MAX_LENGTH = 100
PAGE_TYPES = {
    CaseStudyPage: "case_study",
    LearningPage: "learning",
    EventPage: "event",
    RecordingPage: "recording",
}


def _prefix_first(queryset, field, text):
    return queryset.annotate(
        _prefix=Case(
            When(**{f"{field}__istartswith": text}, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


def page_suggestions(text, locale, limit):
    pages = Page.objects.live().filter(locale=locale).type(*PAGE_TYPES)
    by_title = list(
        _prefix_first(pages.filter(title__icontains=text), "title", text)
        .order_by("_prefix", "title")
        .specific()[:limit]
    )
    if len(by_title) < limit:
        seen = {p.pk for p in by_title}
        for page in pages.specific().autocomplete(text)[: limit * 2]:
            if page.pk not in seen and len(by_title) < limit:
                by_title.append(page)
                seen.add(page.pk)
    return [
        {"label": p.title, "type": PAGE_TYPES.get(type(p), "page"), "url": p.url} for p in by_title
    ]


def municipality_suggestions(text, limit):
    folded = fold(text)
    regions = (
        _prefix_first(
            Region.municipal().filter(search_name__contains=folded), "search_name", folded
        )
        .select_related("land", "kreis")
        .order_by("_prefix", "-population", "code")[:limit]
    )
    return [
        {"label": r.label, "type": "municipality", "ags": r.code, "name": r.short_name}
        for r in regions
    ]


def leistung_suggestions(text, limit):
    folded = fold(text)
    leistungen = _prefix_first(
        Leistung.objects.filter(search_name__contains=folded), "search_name", folded
    ).order_by("_prefix", "name")[:limit]
    return [{"label": x.label, "type": "ozg_leistung", "ozg_id": x.ozg_id} for x in leistungen]


def suggest(text, locale, limit=5):
    """Up to ``limit`` suggestions of each kind for ``text`` (already validated)."""
    text = " ".join(text.split())
    return {
        "pages": page_suggestions(text, locale, limit),
        "municipalities": municipality_suggestions(text, limit),
        "ozg_leistungen": leistung_suggestions(text, limit),
    }
