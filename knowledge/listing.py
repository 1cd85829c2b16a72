"""Filtering the knowledge listing: a form that validates the query string and plain
functions that build the query, testable without HTTP."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from knowledge.models.case_study import CaseStudyPage
from knowledge.models.learning import LearningPage
from knowledge.models.taxonomy import Leistung, Region, Themenfeld

TYPES = {"case_study": CaseStudyPage, "learning": LearningPage}


class MultipleCodeField(forms.Field):
    """A repeatable query parameter of digit codes of one length (``?land=08&land=09``)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, length, **kwargs):
        self.length = length
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        values = [v.strip() for v in (value or []) if v.strip()]
        for v in values:
            if not (v.isdigit() and len(v) == self.length):
                raise ValidationError(
                    _("„%(value)s“ ist kein %(length)s-stelliger Schlüssel."),
                    params={"value": v[:20], "length": self.length},
                )
        return values


class KnowledgeFilterForm(forms.Form):
    land = MultipleCodeField(length=2, label=_("Land"))
    kreis = MultipleCodeField(length=5, label=_("Kreis"))
    ags = MultipleCodeField(length=8, label=_("Kommune"))
    themenfeld = forms.MultipleChoiceField(label=_("Themenfeld"), required=False)
    ozg = forms.TypedMultipleChoiceField(label=_("OZG-Leistung"), required=False, coerce=int)
    status = forms.MultipleChoiceField(
        label=_("Status"), required=False, choices=CaseStudyPage.Status.choices
    )
    type = forms.MultipleChoiceField(
        label=_("Art"),
        required=False,
        choices=[("case_study", _("Praxisbeispiel")), ("learning", _("Learning"))],
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            data = {key: data.getlist(key) for key in self.base_fields if key in data}
        super().__init__(data, **kwargs)
        self.fields["themenfeld"].choices = list(Themenfeld.objects.values_list("slug", "name"))
        self.fields["ozg"].choices = [
            (str(pk), name) for pk, name in Leistung.objects.values_list("ozg_id", "name")
        ]

    def _clean_regions(self, name, level):
        codes = self.cleaned_data[name]
        found = dict(
            Region.objects.filter(code__in=codes, level__in=level).values_list("code", "short_name")
        )
        missing = [c for c in codes if c not in found]
        if missing:
            raise ValidationError(
                _("Unbekannter Schlüssel: %(codes)s"), params={"codes": ", ".join(missing)}
            )
        return codes

    def clean_land(self):
        return self._clean_regions("land", [Region.Level.LAND])

    def clean_kreis(self):
        return self._clean_regions("kreis", [Region.Level.KREIS])

    def clean_ags(self):
        return self._clean_regions("ags", [Region.Level.GEMEINDE, Region.Level.KREIS])

    def active_filters(self):
        """(label, value label) pairs of the filters in use, for the listing's heading."""
        labels = []
        data = self.cleaned_data
        regions = dict(
            Region.objects.filter(code__in=data["land"] + data["kreis"] + data["ags"]).values_list(
                "code", "short_name"
            )
        )
        for key in ("land", "kreis", "ags"):
            labels += [(self.fields[key].label, regions[c]) for c in data[key]]
        for key in ("themenfeld", "ozg", "status", "type"):
            choices = {str(k): v for k, v in self.fields[key].choices}
            labels += [(self.fields[key].label, choices[str(v)]) for v in data[key]]
        return labels


def filter_knowledge(index_page, data):
    """Live case studies and learnings under ``index_page`` matching ``data``.

    Values of one filter combine with OR, different filters with AND. A Land or Kreis
    covers every region inside it.
    """
    pages = Page.objects.live().child_of(index_page)
    models = [TYPES[t] for t in data.get("type") or []] or list(TYPES.values())
    pages = pages.type(*models)

    def either(lookup, values):
        q = Q()
        for prefix in ("casestudypage", "learningpage"):
            q |= Q(**{f"{prefix}__{lookup}__in": values})
        return q

    if data.get("land"):
        pages = pages.filter(either("land_id", data["land"]))
    if data.get("kreis"):
        pages = pages.filter(either("kreis_id", data["kreis"]))
    if data.get("ags"):
        pages = pages.filter(either("municipality_id", data["ags"]))
    if data.get("themenfeld"):
        pages = pages.filter(either("themenfelder__slug", data["themenfeld"]))
    if data.get("ozg"):
        pages = pages.filter(casestudypage__ozg_leistungen__leistung_id__in=data["ozg"])
    if data.get("status"):
        pages = pages.filter(casestudypage__status__in=data["status"])
    return pages.distinct().order_by("-first_published_at", "-pk")


def hydrate(pages):
    """Turn a page of ``Page`` rows into specific pages with their regions and
    Themenfelder loaded, in a fixed number of queries."""
    ids = [p.pk for p in pages]
    loaded = {}
    for model in TYPES.values():
        loaded.update(
            model.objects.filter(pk__in=ids)
            .select_related("municipality__land", "municipality__kreis", "land", "teaser_image")
            .prefetch_related("themenfelder")
            .in_bulk()
        )
    return [loaded[pk] for pk in ids if pk in loaded]
