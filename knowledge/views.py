"""Admin choosers for the large taxonomies: ~11,000 regions and 557 OZG-Leistungen.

Both search the folded name in the database (no search index needed), so that
"Neustadt", "muenchen" and "München" all find what an editor means.
"""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from knowledge.models import Leistung, Region
from knowledge.text import fold


class NameSearchFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Name eingeben …")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = fold(self.cleaned_data.get("q") or "").strip()
        if query:
            if query.isdigit():
                key_field = "code" if objects.model is Region else "ozg_id"
                return objects.filter(**{f"{key_field}__startswith": query})
            objects = (
                objects.filter(search_name__contains=query)
                .annotate(
                    prefix_match=Case(
                        When(search_name__startswith=query, then=Value(0)),
                        default=Value(1),
                        output_field=IntegerField(),
                    )
                )
                .order_by("prefix_match", *self.secondary_ordering)
            )
            self.is_searching = True
            self.search_query = query
        return objects


class RegionFilterForm(NameSearchFilterForm):
    secondary_ordering = ["-population", "code"]


class LeistungFilterForm(NameSearchFilterForm):
    secondary_ordering = ["name"]


class RegionChooseViewMixin:
    filter_form_class = RegionFilterForm
    ordering = ["-population", "code"]

    def get_object_list(self):
        return Region.municipal().select_related("kreis", "land")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("code", label=_("AGS")),
            Column("kind", label=_("Typ"), accessor="kind_label"),
            Column("population", label=_("Einwohner")),
        ]

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Kommune (Kreis, Land)")
        return column


class RegionChooseView(RegionChooseViewMixin, ChooseView):
    pass


class RegionChooseResultsView(RegionChooseViewMixin, ChooseResultsView):
    pass


class RegionChooserViewSet(ChooserViewSet):
    model = Region
    icon = "site"
    choose_one_text = _("Kommune wählen")
    choose_another_text = _("Andere Kommune wählen")
    choose_view_class = RegionChooseView
    choose_results_view_class = RegionChooseResultsView
    per_page = 20


class LeistungChooseViewMixin:
    filter_form_class = LeistungFilterForm
    ordering = ["name"]

    def get_object_list(self):
        return Leistung.objects.select_related("themenfeld")

    @property
    def columns(self):
        return [self.title_column, Column("themenfeld", label=_("Themenfeld"))]


class LeistungChooseView(LeistungChooseViewMixin, ChooseView):
    pass


class LeistungChooseResultsView(LeistungChooseViewMixin, ChooseResultsView):
    pass


class LeistungChooserViewSet(ChooserViewSet):
    model = Leistung
    icon = "list-ul"
    choose_one_text = _("OZG-Leistung wählen")
    choose_another_text = _("Andere OZG-Leistung wählen")
    choose_view_class = LeistungChooseView
    choose_results_view_class = LeistungChooseResultsView
    per_page = 20


region_chooser_viewset = RegionChooserViewSet("region_chooser")
leistung_chooser_viewset = LeistungChooserViewSet("leistung_chooser")
