"""Site-wide template tags: page title, main menu, breadcrumbs, footer.

Every tag that queries the database caches its result on the request, so that a page
costs the same number of queries however often a tag is used.
"""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home.models import SiteSettings

register = template.Library()


def content_language():
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def site_root_path(request):
    """The ``url_path`` of the current site's home page in the active language.

    Read from Wagtail's cached list of site root paths, so it usually costs no query.
    """
    if request is None:
        return None
    if not hasattr(request, "_ik_site_root_path"):
        site = Site.find_for_request(request)
        language = content_language()
        paths = [p for p in Site.get_site_root_paths() if site and p.site_id == site.pk]
        match = next((p for p in paths if p.language_code == language), None) or next(
            iter(paths), None
        )
        request._ik_site_root_path = match.root_path if match else None
    return request._ik_site_root_path


@register.simple_tag(takes_context=True)
def page_title(context, page=None):
    """``seo_title`` or title, then " – Initiative K" (the home page: the site name only)."""
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    title = ""
    if page is not None:
        title = getattr(page, "seo_title", "") or getattr(page, "title", "")
    if not title or title == site_name:
        return site_name
    return f"{title} – {site_name}" if site_name else title


@register.inclusion_tag("includes/_main_menu.html", takes_context=True)
def main_menu(context):
    """The live children of the home page that are shown in menus, plus the search."""
    request = context.get("request")
    current = context.get("page")
    root_path = site_root_path(request)
    items = []
    if root_path:
        if not hasattr(request, "_ik_menu_pages"):
            request._ik_menu_pages = list(
                Page.objects.live()
                .in_menu()
                .filter(url_path__startswith=root_path, depth=root_path.count("/") + 1)
                .order_by("path")
            )
        for item in request._ik_menu_pages:
            active = bool(current and getattr(current, "path", "").startswith(item.path))
            items.append(
                {
                    "page": item,
                    "current": active and current.pk == item.pk,
                    "active": active,
                }
            )
    resolver_match = getattr(request, "resolver_match", None)
    return {
        "request": request,
        "items": items,
        "search_current": bool(resolver_match and resolver_match.url_name == "search"),
    }


@register.inclusion_tag("includes/_breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The live ancestors of ``page`` below the tree root, home page first."""
    page = page or context.get("page")
    ancestors = []
    if page is not None and getattr(page, "pk", None) and page.depth > 2:
        ancestors = list(page.get_ancestors().live().filter(depth__gt=1))
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.inclusion_tag("includes/_footer.html", takes_context=True)
def site_footer(context):
    """Footer links to the legal pages (in the active language where translated)."""
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    links = []
    if site_settings is not None:
        wanted = [
            (_("Impressum"), site_settings.imprint_page_id),
            (_("Datenschutz"), site_settings.privacy_page_id),
            (_("Erklärung zur Barrierefreiheit"), site_settings.accessibility_page_id),
        ]
        ids = [pk for _label, pk in wanted if pk]
        if ids:
            language = content_language()
            candidates = (
                Page.objects.live()
                .filter(
                    translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key")
                )
                .select_related("locale")
            )
            by_key = {}
            for candidate in candidates:
                by_key.setdefault(candidate.translation_key, {})[candidate.locale.language_code] = (
                    candidate
                )
            originals = {c.pk: c for variants in by_key.values() for c in variants.values()}
            for label, pk in wanted:
                original = originals.get(pk)
                if original is None:
                    continue  # not set, or not live
                variants = by_key[original.translation_key]
                links.append({"label": label, "page": variants.get(language, original)})
    return {"request": request, "links": links, "site_settings": site_settings}


@register.simple_tag
def home_url():
    """URL of the current site's home page in the active language ("/" or "/en/")."""
    return reverse("wagtail_serve", args=[""])


@register.filter
def page_type_label(page):
    """The German name of a page's type ("Praxisbeispiel", "Veranstaltung" ...)."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.verbose_name if model else ""


@register.filter
def url_host(url):
    """``https://www.youtube.com/watch?v=1`` -> ``youtube.com``."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with ``…`` for the gaps: 1 … 4 5 6 … 12."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)


@register.filter
def url_label(url, length=60):
    """A readable, shortened form of a URL for link texts: host and path, no scheme."""
    parts = urlsplit(url or "")
    label = (parts.hostname or "").removeprefix("www.") + parts.path.rstrip("/")
    if not label:
        return url
    return label if len(label) <= length else label[: length - 1] + "…"


def _page_translations(page):
    """``{language code: live translation}`` of ``page`` (itself included); one query."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    pages = (
        page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .only("url_path", "path", "depth", "translation_key", "locale__language_code")
    )
    return {p.locale.language_code: p for p in pages}


def languages(context):
    """One dict per language of the site: ``code``, ``name``, ``url``, ``current``,
    ``translated`` (False when the page has no translation there and the link leads to
    that language's home page instead), ``alternate`` (an absolute URL for ``hreflang``,
    only where a translation exists). Computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    if hasattr(request, "_ik_languages"):
        return request._ik_languages
    page = context.get("page")
    current = content_language()
    translations = _page_translations(page)
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            home = reverse("wagtail_serve", args=[""])
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is None and context.get("language_urls") is not None:
            # A Django view that knows where it exists (a municipality's profile only in
            # the languages it has content in): {code: URL}, a missing code for none.
            url = context["language_urls"].get(code)
        elif page is None and getattr(request.resolver_match, "url_name", "") not in (
            "",
            None,
            "wagtail_serve",
        ):
            # A Django view inside i18n_patterns (the search page): the same view and
            # query in the other language.
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or home,
                "current": code == current,
                "translated": url is not None,
                "alternate": request.build_absolute_uri(url) if url else None,
            }
        )
    request._ik_languages = links
    return links


@register.inclusion_tag("includes/_language_alternates.html", takes_context=True)
def language_alternates(context):
    """``<link rel="alternate" hreflang>`` for every existing translation of the page,
    and ``x-default`` for the German one."""
    links = [link for link in languages(context) if link["alternate"]]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links if len(links) > 1 else [], "default": default}


@register.inclusion_tag("includes/_language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in the other languages (their home page where it has none)."""
    return {"languages": languages(context)}
