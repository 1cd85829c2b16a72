"""The site search page at /suche/ (/en/search/): faceted full-text search without
JavaScript, on the same form and query functions as the JSON API.

Every search is logged for the editors (``search.querylog``) and their promoted
results for the query are shown above the results.
"""

import datetime
from math import ceil

from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.formatting import format_timestamp
from knowledge.models import Region
from search import map as laender
from search import query
from search.forms import MULTI_FIELDS, TYPE_CHOICES, SearchForm
from search.querylog import promotions, record_search

FACET_LABELS = {
    "type": _("Art"),
    "land": _("Land"),
    "kreis": _("Kreis"),
    "themenfeld": _("Themenfeld"),
    "ozg": _("OZG-Leistung"),
    "year": _("Jahr"),
    "status": _("Status"),
}
PAGE_SIZE = 10


def _url(params, **changes):
    """The search URL with ``params`` (a dict of lists) changed; page reset unless given."""
    merged = {k: list(v) for k, v in params.items() if k != "page"}
    for key, value in changes.items():
        merged[key] = value if isinstance(value, list) else [value]
    return "?" + urlencode({k: v for k, v in merged.items() if v}, doseq=True)


def _facets(facets, params):
    """Facet groups for the template: values with counts, checked state and the URL
    that toggles the value (the form works without JavaScript, the links too)."""
    groups = []
    for name, label in FACET_LABELS.items():
        values = facets.get(name)
        if not values:
            continue
        chosen = params.get(name, [])
        items = []
        for value in values:
            checked = value["value"] in chosen
            toggled = (
                [v for v in chosen if v != value["value"]]
                if checked
                else [
                    *chosen,
                    value["value"],
                ]
            )
            items.append({**value, "checked": checked, "url": _url(params, **{name: toggled})})
        groups.append({"name": name, "label": label, "values": items, "chosen": chosen})
    return groups


def _active_municipalities(params):
    """Chips for the ``ags`` filter (no facet: a Gemeinde is chosen by a link or a
    suggestion), each with the URL that drops it."""
    chosen = params.get("ags", [])
    names = dict(Region.objects.filter(code__in=chosen).values_list("code", "short_name"))
    return [
        {
            "label": _("Kommune"),
            "value": names.get(code, code),
            "url": _url(params, ags=[c for c in chosen if c != code]),
        }
        for code in chosen
    ]


def search(request):
    raw = {key: [v for v in request.GET.getlist(key) if v] for key in request.GET}
    params = {k: v for k, v in raw.items() if k in MULTI_FIELDS or k in ("q", "year", "sort")}
    form_data = request.GET.copy()
    form_data["page_size"] = str(PAGE_SIZE)
    form_data["lang"] = translation.get_language()
    form = SearchForm(form_data)
    context = {"form": form, "search_query": request.GET.get("q", "")[:200], "params": params}
    if not form.is_valid():
        context["errors"] = [
            (name, form.fields[name].label or name, errors)
            for name, errors in form.errors.items()
            if name in form.fields
        ]
        return TemplateResponse(request, "search/search.html", context, status=400)

    data = form.cleaned_data
    data["sort"] = data.get("sort") or ("relevance" if data.get("q") else "date")
    result = query.search(data, request)
    locale = Locale.get_active()
    if data.get("q") and result.page == 1:
        record_search(data["q"], result.count, locale)
    pages = max(1, ceil(result.count / PAGE_SIZE))
    # The map counts the same matches, with fewer filters.
    cases, events = laender.search_counts(data, locale, result.matches)
    type_labels = dict(TYPE_CHOICES)
    for item in result.results:
        item["type_label"] = type_labels.get(item["type"], "")
        item["date_value"] = (
            datetime.date.fromisoformat(item["date"][:10]) if item["date"] else None
        )
        if item["timestamp"] is not None:
            item["timestamp_label"] = format_timestamp(item["timestamp"])
    context.update(
        {
            "result": result,
            "facets": _facets(result.facets, params),
            "active": [
                {"label": group["label"], "value": v["label"], "url": v["url"]}
                for group in _facets(result.facets, params)
                for v in group["values"]
                if v["checked"]
            ]
            + _active_municipalities(params),
            "sort": data["sort"],
            "sort_urls": {s: _url(params, sort=s) for s in ("relevance", "date")},
            "previous_url": _url(params, page=result.page - 1) if result.page > 1 else "",
            "next_url": _url(params, page=result.page + 1) if result.page < pages else "",
            "page_count": pages,
            "first_number": (result.page - 1) * PAGE_SIZE + 1,
            "promotions": promotions(data.get("q"), locale) if result.page == 1 else [],
            "browsing": not data.get("q"),
            "laender_map": laender.build_map(
                cases,
                events,
                # A Land replaces the finer region filters (a Kreis or Kommune elsewhere).
                lambda code: _url(params, land=code, kreis=[], ags=[]),
                selected=data.get("land") or [],
                for_search=True,
            ),
        }
    )
    return TemplateResponse(request, "search/search.html", context)
