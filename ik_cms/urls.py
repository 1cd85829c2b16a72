from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.admin_urls import urlpatterns as guarded_admin_urls
from ik_cms.api_v2 import api_router
from ik_cms.health import healthz
from search import views as search_views
from search.api import api

urlpatterns = [
    *guarded_admin_urls,  # before the admin's own: see home/admin_urls.py
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),  # Wagtail's page API, before django-ninja's /api/
    path("api/", api.urls),
    path("healthz", healthz, name="healthz"),  # outside i18n_patterns: ik_cms/health.py
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German pages live at the root, English ones under /en/ (Wagtail picks the page tree
# of the active locale). The URL of the search page is translated too: /suche/, /en/search/.
# The events' calendar files follow the language too: /kalender/…, /en/kalender/….
urlpatterns += i18n_patterns(
    path(_("suche/"), search_views.search, name="search"),
    path("", include("knowledge.contact.urls")),
    path("", include("knowledge.profiles.urls")),
    path("", include("knowledge.syndication.urls")),
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
