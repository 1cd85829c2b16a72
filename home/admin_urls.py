"""Admin URLs that wagtail-localize opens to every admin user, closed to all but
translators.

wagtail-localize's translations report and its snippet chooser API check no permission
beyond admin access, so the sponsor (admin access only, see ``home.editorial``) could
browse every translated page's and snippet's title. These patterns come before the
admin's own in ``ik_cms/urls.py`` and serve the same views to users who may submit
translations (Redaktion, Autor:innen, superusers), and a 403 to everyone else.
"""

from django.contrib.auth.decorators import permission_required
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail_localize.views import report, snippets_api

TRANSLATOR_PERMISSION = "wagtail_localize.submit_translation"


def translators_only(view):
    return require_admin_access(
        permission_required(TRANSLATOR_PERMISSION, raise_exception=True)(view)
    )


urlpatterns = [
    path(
        "admin/localize/reports/translations/",
        translators_only(report.TranslationsReportView.as_view()),
    ),
    path(
        "admin/localize/reports/translations/results/",
        translators_only(report.TranslationsReportView.as_view(results_only=True)),
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        translators_only(snippets_api.SnippetViewSet.as_view({"get": "list"})),
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        translators_only(snippets_api.SnippetViewSet.as_view({"get": "retrieve"})),
    ),
]
