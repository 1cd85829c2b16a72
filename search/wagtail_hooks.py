from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.views_admin import UnansweredQueriesReport


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/suchen-ohne-treffer/",
            UnansweredQueriesReport.as_view(),
            name="search_unanswered_report",
        ),
        path(
            "reports/suchen-ohne-treffer/results/",
            UnansweredQueriesReport.as_view(results_only=True),
            name="search_unanswered_report_results",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailsearchpromotions.add_query")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Suchen ohne Treffer"),
        reverse("search_unanswered_report"),
        icon_name="search",
        order=700,
    )
