"""The public JSON API: ``GET /api/search/``, described by ``/api/openapi.json``.

The view is thin: :class:`search.forms.SearchForm` validates the parameters (a bad one
answers 400 naming it), :func:`search.query.search` does the work. The interactive docs
UI is off because django-ninja loads it from a CDN; the schema is served.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.models import Locale

from search import query
from search.forms import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SearchForm
from search.suggest import MAX_LENGTH as MAX_SUGGEST_LENGTH
from search.suggest import MIN_LENGTH as MIN_SUGGEST_LENGTH
from search.suggest import suggest

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

api = NinjaAPI(
    title="Initiative K",
    version="1",
    description="Suche über Praxisbeispiele, Learnings, Veranstaltungen und Aufzeichnungen.",
    docs_url=None,
    urls_namespace="api",
)


class SearchParams(Schema):
    """Documentation of the parameters; :class:`SearchForm` validates them."""

    q: str = Field("", description=f"Suchbegriffe (höchstens {MAX_QUERY_LENGTH} Zeichen)")
    land: list[str] = Field([], description="Land, 2-stelliger Schlüssel; wiederholbar")
    kreis: list[str] = Field([], description="Kreis, 5-stelliger Schlüssel; wiederholbar")
    ags: list[str] = Field([], description="Gemeinde, 8-stelliger AGS; wiederholbar")
    themenfeld: list[str] = Field([], description="OZG-Themenfeld, Slug oder Id; wiederholbar")
    ozg: list[str] = Field([], description="OZG-Leistung, OZG-ID; wiederholbar")
    type: list[str] = Field(
        [], description="case_study, learning, event oder recording; wiederholbar"
    )
    status: list[str] = Field(
        [], description="Status eines Praxisbeispiels (idee, pilot, betrieb, ausgerollt)"
    )
    year: str | None = Field(
        None, description="Jahr (Veranstaltung: Beginn, sonst Veröffentlichung)"
    )
    sort: str | None = Field(
        None, description="relevance oder date; ohne q immer nach Datum, neueste zuerst"
    )
    page: str | None = Field(None, description="Seite, ab 1")
    page_size: str | None = Field(
        None,
        description=f"Treffer pro Seite, Standard {DEFAULT_PAGE_SIZE}, höchstens {MAX_PAGE_SIZE}",
    )
    lang: str | None = Field(
        None, description="de oder en; Standard: Accept-Language der Anfrage, sonst de"
    )


class Named(Schema):
    ags: str
    name: str | None


class Land(Schema):
    code: str
    name: str | None


class ThemenfeldOut(Schema):
    slug: str
    name: str


class Result(Schema):
    title: str
    url: str | None
    type: str
    summary: str
    highlight: str = Field(
        description="summary als HTML, Suchbegriffe in <mark>; bei einer Aufzeichnung, die "
        "im Transkript gefunden wurde, die gefundene Passage"
    )
    timestamp: int | None = Field(
        None,
        description="Aufzeichnung: Sekunde der gefundenen Transkript-Passage (url endet auf #t=…)",
    )
    date: str | None
    municipality: Named | None
    land: Land | None
    themenfelder: list[ThemenfeldOut]


class FacetValue(Schema):
    value: str
    label: str
    count: int


class SearchResponse(Schema):
    count: int
    page: int
    page_size: int
    results: list[Result]
    facets: dict[str, list[FacetValue]] = Field(
        description="land, kreis (nur mit gewähltem Land), themenfeld, ozg, type, year, status"
    )


class ParameterError(Schema):
    parameter: str | None
    label: str | None = Field(None, description="Bezeichnung des Parameters")
    message: str


class ErrorResponse(Schema):
    errors: list[ParameterError]


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc):
    errors = []
    for error in exc.errors:
        loc = [part for part in error.get("loc", ()) if part not in ("query", "params")]
        parameter = next((str(part) for part in loc if isinstance(part, str)), None)
        errors.append({"parameter": parameter, "message": error.get("msg", "invalid")})
    return api.create_response(request, {"errors": errors}, status=400)


@api.get(
    "/search/",
    response={200: SearchResponse, 400: ErrorResponse},
    summary="Suche mit Facetten",
    url_name="search",
)
def search(request, params: Query[SearchParams]):
    """Several values of one parameter combine with OR, different parameters with AND.
    Each facet counts with all filters but its own. Without ``q`` all matching pages are
    listed, newest first."""
    # Outside i18n_patterns the middleware always activates German; an API client
    # states its language with ``lang`` or, failing that, Accept-Language.
    requested = request.GET.get("lang") or translation.get_language_from_request(request)
    form = SearchForm(request.GET, default_lang=translation.get_language_from_request(request))
    # Error messages in the requested language (German for an unknown one).
    with translation.override(requested if requested in dict(settings.LANGUAGES) else None):
        if not form.is_valid():
            return Status(400, {"errors": form.error_list()})
    data = form.cleaned_data
    with translation.override(data["lang"]):
        result = query.search(data, request)
    # Rendered as built, without validating it against SearchResponse once more: with
    # every facet value listed that was a sixth of a request (tests check the shape).
    return api.create_response(
        request,
        {
            "count": result.count,
            "page": result.page,
            "page_size": result.page_size,
            "results": result.results,
            "facets": result.facets,
        },
        status=200,
    )


class Suggestion(Schema):
    label: str
    type: str
    url: str | None = None
    ags: str | None = None
    name: str | None = None
    ozg_id: int | None = None


class SuggestResponse(Schema):
    pages: list[Suggestion]
    municipalities: list[Suggestion]
    ozg_leistungen: list[Suggestion]


@api.get(
    "/search/suggest/",
    response={200: SuggestResponse, 400: ErrorResponse},
    summary="Vorschläge beim Tippen",
    url_name="suggest",
)
def suggest_view(request, q: str = "", lang: str = ""):
    """Titles, municipalities and OZG-Leistungen that start with or contain ``q``
    (2 to 100 characters), in the requested language."""
    text = " ".join(q.split())
    code = lang or translation.get_language_from_request(request)
    locale = None
    if code in dict(settings.LANGUAGES):
        locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        message = _("unbekannte Sprache")
        error = {"parameter": "lang", "label": _("Sprache"), "message": message}
        return Status(400, {"errors": [error]})
    if not MIN_SUGGEST_LENGTH <= len(text) <= MAX_SUGGEST_LENGTH:
        with translation.override(code):
            message = _("%(min)s bis %(max)s Zeichen") % {
                "min": MIN_SUGGEST_LENGTH,
                "max": MAX_SUGGEST_LENGTH,
            }
            error = {"parameter": "q", "label": _("Suchbegriff"), "message": message}
        return Status(400, {"errors": [error]})
    if CONTROL.search(text):  # a NUL byte would be an error on PostgreSQL
        with translation.override(code):
            message = _("Bitte ohne Steuerzeichen eingeben.")
            error = {"parameter": "q", "label": _("Suchbegriff"), "message": message}
        return Status(400, {"errors": [error]})
    with translation.override(locale.language_code):  # labels of Länder and Leistungen
        return Status(200, suggest(text, locale))
