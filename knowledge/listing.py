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
        values = list(dict.fromkeys(v.strip() for v in (value or []) if v.strip()))
        for v in values:
            if not (v.isdigit() and len(v) == self.length):
                raise ValidationError(
                    _("„%(value)s“ ist kein %(length)s-stelliger Schlüssel."),
                    params={"value": v[:20], "length": self.length},
                )
        return values


class RegionCodesField(MultipleCodeField):
    """Codes of existing regions of the given levels (Land, Kreis, Gemeinde)."""

    def __init__(self, *, levels, **kwargs):
        self.levels = levels
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        found = set(
            Region.objects.filter(code__in=value, level__in=self.levels).values_list(
                "code", flat=True
            )
        )
        missing = [c for c in value if c not in found]
        if missing:
            raise ValidationError(
                _("Unbekannter Schlüssel: %(codes)s"), params={"codes": ", ".join(missing)}
            )


class OzgIdsField(forms.Field):
    """Repeatable OZG-IDs of existing OZG-Leistungen, cleaned to integers."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        values = [v.strip() for v in (value or []) if v.strip()]
        bad = [v for v in values if not (v.isascii() and v.isdigit() and len(v) <= 9)]
        if bad:
            raise ValidationError(_("„%(value)s“ ist keine OZG-ID."), params={"value": bad[0][:20]})
        return list(dict.fromkeys(int(v) for v in values))

    def validate(self, value):
        super().validate(value)
        found = set(Leistung.objects.filter(pk__in=value).values_list("pk", flat=True))
        missing = [str(i) for i in value if i not in found]
        if missing:
            raise ValidationError(
                _("Unbekannte OZG-ID: %(ids)s"), params={"ids": ", ".join(missing)}
            )


class KnowledgeFilterForm(forms.Form):
    land = RegionCodesField(length=2, levels=[Region.Level.LAND], label=_("Land"))
    kreis = RegionCodesField(length=5, levels=[Region.Level.KREIS], label=_("Kreis"))
    ags = RegionCodesField(
        length=8, levels=[Region.Level.GEMEINDE, Region.Level.KREIS], label=_("Kommune")
    )
    themenfeld = forms.MultipleChoiceField(label=_("Themenfeld"), required=False)
    ozg = OzgIdsField(label=_("OZG-Leistung"))
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
        self.fields["themenfeld"].choices = [
            (tf.slug, tf.label) for tf in Themenfeld.objects.only("slug", "name", "kdn_id")
        ]

    def active_filters(self):
        """The filters in use: dicts of ``key``, ``value``, ``label`` (of the filter) and
        ``value_label``, in the order of the form's fields."""
        data = self.cleaned_data
        codes = data["land"] + data["kreis"] + data["ags"]
        regions = {r.code: r.display_name for r in Region.objects.filter(code__in=codes)}
        labels = {"land": regions, "kreis": regions, "ags": regions}
        labels["ozg"] = {x.pk: x.label for x in Leistung.objects.filter(pk__in=data["ozg"])}
        for key in ("themenfeld", "status", "type"):
            labels[key] = dict(self.fields[key].choices)
        return [
            {
                "key": key,
                "value": value,
                "label": self.fields[key].label,
                "value_label": labels[key][value],
            }
            for key in self.fields
            for value in data[key]
        ]


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
