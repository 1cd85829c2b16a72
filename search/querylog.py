"""Query logging for the editors: every search counts a hit on Wagtail's ``Query``;
one that found nothing is also counted in :class:`~search.models.UnansweredQuery`.
Promoted results (Wagtail's search promotions) are looked up by the same query."""

from django.db.models import F
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from search.models import UnansweredQuery


def record_search(query_string, result_count, locale):
    """Log one search of a visitor. Empty queries (browsing by filters) are not logged."""
    normalised = normalise_query_string(query_string or "")[:MAX_QUERY_STRING_LENGTH]
    if not normalised:
        return
    query = Query.get(normalised)
    query.add_hit()
    if result_count == 0:
        entry, _ = UnansweredQuery.objects.get_or_create(query=query, locale=locale)
        UnansweredQuery.objects.filter(pk=entry.pk).update(count=F("count") + 1)


def promotions(query_string, locale):
    """Editors' promoted results for this query: live pages of ``locale`` and links."""
    normalised = normalise_query_string(query_string or "")[:MAX_QUERY_STRING_LENGTH]
    if not normalised:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")
    )
    return [
        pick
        for pick in picks
        if pick.page is None or (pick.page.live and pick.page.locale_id == locale.pk)
    ]
