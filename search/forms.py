"""Validation of the search API's query parameters.

The form is the only place that decides whether a parameter is acceptable; the query
functions in :mod:`search.query` trust its ``cleaned_data``.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from knowledge.listing import OzgIdsField, RegionCodesField
from knowledge.models.case_study import CaseStudyPage
from knowledge.models.taxonomy import Region, Themenfeld

MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

TYPE_CHOICES = [
    ("case_study", _("Praxisbeispiel")),
    ("learning", _("Learning")),
    ("event", _("Veranstaltung")),
    ("recording", _("Aufzeichnung")),
]
SORT_CHOICES = [("relevance", _("Relevanz")), ("date", _("Datum"))]
MULTI_FIELDS = ("land", "kreis", "ags", "themenfeld", "ozg", "type", "status")


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False, max_length=MAX_QUERY_LENGTH, strip=True, label=_("Suchbegriff")
    )
    land = RegionCodesField(length=2, levels=[Region.Level.LAND], label=_("Land"))
    kreis = RegionCodesField(length=5, levels=[Region.Level.KREIS], label=_("Kreis"))
    ags = RegionCodesField(length=8, levels=[Region.Level.GEMEINDE], label=_("Kommune"))
    themenfeld = forms.Field(
        required=False, widget=forms.MultipleHiddenInput, label=_("Themenfeld")
    )
    ozg = OzgIdsField(label=_("OZG-Leistung"))
    type = forms.MultipleChoiceField(required=False, choices=TYPE_CHOICES, label=_("Art"))
    status = forms.MultipleChoiceField(
        required=False, choices=CaseStudyPage.Status.choices, label=_("Status")
    )
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("Jahr"))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label=_("Sortierung"))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Seite"))
    page_size = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE, label=_("Treffer pro Seite")
    )
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES, label=_("Sprache"))

    def __init__(self, data=None, default_lang=None, **kwargs):
        self.default_lang = default_lang
        # Repeatable parameters arrive as lists, the others as their last value.
        if data is not None and hasattr(data, "getlist"):
            data = {
                key: data.getlist(key) if key in MULTI_FIELDS else data.get(key)
                for key in self.base_fields
                if key in data
            }
        super().__init__(data, **kwargs)

    def clean_themenfeld(self):
        """Slugs or ids of Themenfelder; cleaned to ids."""
        values = [v.strip() for v in self.cleaned_data["themenfeld"] or [] if v.strip()]
        if not values:
            return []
        by_key = {}
        for pk, slug in Themenfeld.objects.values_list("pk", "slug"):
            by_key[str(pk)] = by_key[slug] = pk
        unknown = [v for v in values if v not in by_key]
        if unknown:
            raise ValidationError(
                _("Unbekanntes Themenfeld: %(values)s"),
                params={"values": ", ".join(v[:40] for v in unknown[:5])},
            )
        return list(dict.fromkeys(by_key[v] for v in values))

    def clean_type(self):
        return list(dict.fromkeys(self.cleaned_data["type"]))

    def clean_status(self):
        return list(dict.fromkeys(self.cleaned_data["status"]))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        data["page"] = data.get("page") or 1
        data["page_size"] = data.get("page_size") or DEFAULT_PAGE_SIZE
        data["lang"] = (
            data.get("lang")
            or self.default_lang
            or translation.get_language()
            or settings.LANGUAGE_CODE
        )
        if data["lang"] not in dict(settings.LANGUAGES):
            data["lang"] = settings.LANGUAGE_CODE
        if not data.get("sort"):
            data["sort"] = "relevance" if data.get("q") else "date"
        return data

    def label(self, name):
        """The field's label in the active language (the name for a form-wide error)."""
        field = self.fields.get(name)
        return str(field.label) if field is not None and field.label else None

    def error_list(self):
        """``[{"parameter": name, "label": label, "message": text}]`` for the API's 400
        answers."""
        return [
            {
                "parameter": name if name != "__all__" else None,
                "label": self.label(name),
                "message": error["message"],
            }
            for name, errors in self.errors.get_json_data().items()
            for error in errors
        ]
