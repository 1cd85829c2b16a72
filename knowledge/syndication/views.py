"""The page that lists every feed and open data export ("Abonnieren und offene Daten")."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from knowledge.models import Region, Themenfeld

from .queries import data_licence


@require_safe
def overview(request):
    themenfelder = sorted(Themenfeld.objects.all(), key=lambda t: t.label)
    laender = sorted(Region.objects.filter(level=Region.Level.LAND), key=lambda r: r.display_name)
    return TemplateResponse(
        request,
        "knowledge/syndication/overview.html",
        {"themenfelder": themenfelder, "laender": laender, "licence": data_licence()},
    )
