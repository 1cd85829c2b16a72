"""Admin report: the most frequent searches that found nothing."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from search.models import UnansweredQuery


class PromoteColumn(Column):
    cell_template_name = "search/admin/promote_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = (
            reverse("wagtailsearchpromotions:add") + "?query=" + instance.query.query_string
        )
        return context


class UnansweredQueriesReport(ReportView):
    page_title = _("Suchen ohne Treffer")
    header_icon = "search"
    index_url_name = "search_unanswered_report"
    index_results_url_name = "search_unanswered_report_results"
    model = UnansweredQuery
    any_permission_required = ["wagtailsearchpromotions.add_query"]
    export_headings = {"query.query_string": _("Suchbegriff"), "locale": _("Sprache")}
    list_export = ["query.query_string", "locale", "count", "last_searched_at"]
    columns = [
        Column("query", label=_("Suchbegriff"), accessor="query.query_string"),
        Column("locale", label=_("Sprache"), accessor="locale.language_code"),
        Column("count", label=_("Anzahl")),
        DateColumn("last_searched_at", label=_("Zuletzt gesucht")),
        PromoteColumn("promote", label=_("Ergebnis hervorheben")),
    ]

    def get_queryset(self):
        return UnansweredQuery.objects.select_related("query", "locale").order_by(
            "-count", "-last_searched_at"
        )
