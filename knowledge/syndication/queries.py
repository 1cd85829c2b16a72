"""The pages feeds and exports offer: live, public, this site, the active language."""

from home.queries import visible
from knowledge.models import CaseStudyPage, LearningPage

FEED_SIZE = 30


def newest_knowledge(request, *, themenfeld=None, land=None, limit=FEED_SIZE):
    """The newest case studies and learnings (by first publication), newest first.

    Two queries of at most ``limit`` rows each plus one prefetch of their Themenfelder.
    """
    items = []
    for model in (CaseStudyPage, LearningPage):
        pages = visible(model.objects.all(), request)
        if themenfeld is not None:
            pages = pages.filter(themenfelder=themenfeld)
        if land is not None:
            pages = pages.filter(land=land)
        items += pages.prefetch_related("themenfelder").order_by("-first_published_at", "-pk")[
            :limit
        ]
    items.sort(key=lambda p: (p.first_published_at, p.pk), reverse=True)
    return items[:limit]


def published_case_studies(request):
    """Every published case study, with what the export needs in a fixed number of
    queries (one for the pages, one per relation)."""
    return (
        visible(CaseStudyPage.objects.all(), request)
        .select_related("municipality", "land", "locale")
        .prefetch_related("themenfelder", "ozg_leistungen", "reuse_links")
        .order_by("first_published_at", "pk")
    )


DATA_LICENCE = {
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "id": "dl-de/by-2-0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}


def data_licence():
    return DATA_LICENCE
