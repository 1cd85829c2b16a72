"""Municipality profiles: ``/kommunen/<AGS>/`` and the index ``/kommunen/``.

Thin views: :mod:`knowledge.profiles.queries` decides what a profile shows. A key that
is malformed, unknown, or names a region without content in the active language is a
404, never an error. A kreisfreie Stadt's Kreis key redirects to its Gemeinde profile.
Profiles hold no form and set no cookie, so the anonymous page cache may keep them (it
is purged whenever content changes).
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, translate_url
from wagtail.models import Locale

from home.page_cache import mark_cacheable
from knowledge.models import Region

from . import queries


def profile(request, ags):
    region = queries.find_region(ags)
    if region is None:
        raise Http404("Unbekannter Gemeinde- oder Kreisschlüssel")
    if region.level == Region.Level.KREIS and region.is_kreisfrei:
        code = queries.kreisfrei_gemeinde_code(region)
        if code is None:
            raise Http404
        return redirect("profiles:detail", ags=code, permanent=True)
    active = Locale.get_active()
    data = queries.build_profile(region, active)
    if not data.has_content:
        raise Http404("Zu dieser Kommune gibt es keine Inhalte")
    mark_cacheable(request)
    canonical = request.build_absolute_uri(reverse("profiles:detail", args=[region.code]))
    search_key = "kreis" if region.level == Region.Level.KREIS else "ags"
    # The language switcher and hreflang offer the profile in another language only
    # where the region has content in that language too (else its home page).
    language_urls = {}
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        if locale == active or (locale and queries.has_content(region, locale)):
            language_urls[code] = translate_url(request.path, code)
    return TemplateResponse(
        request,
        "knowledge/profiles/profile.html",
        {
            "profile": data,
            "region": region,
            "canonical_url": canonical,
            "search_url": f"{reverse('search')}?{search_key}={region.code}",
            "language_urls": language_urls,
        },
    )


def profile_index(request):
    mark_cacheable(request)
    return TemplateResponse(
        request,
        "knowledge/profiles/index.html",
        {
            "lands": queries.municipalities_with_content(Locale.get_active()),
            "canonical_url": request.build_absolute_uri(reverse("profiles:index")),
        },
    )
