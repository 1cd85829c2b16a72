"""What visitors may see, for views outside Wagtail's page serving (feeds, exports,
calendar files, the contact form)."""

from home.templatetags.home_tags import content_language, site_root_path

#: Page ids are 32-bit integers; a longer number in a URL names no page (and one beyond
#: 64 bits would overflow SQLite's INTEGER: a 500 instead of a 404).
MAX_PAGE_ID = 2**31 - 1


def visible(queryset, request):
    """Live, public pages of the current site in the active language."""
    pages = queryset.live().public().filter(locale__language_code=content_language())
    root_path = site_root_path(request)
    if root_path is None:
        return pages.none()
    return pages.filter(url_path__startswith=root_path)
