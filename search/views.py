"""Site search with Wagtail's default backend.

A German-aware, faceted search is the subject of a later issue; this view keeps the
behaviour of Wagtail's project template: live pages of the active locale, paginated.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().filter(locale=Locale.get_active()).specific().search(query)
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "page_obj": page_obj}
    )
