"""A whole-page cache for anonymous visitors, purged whenever content changes.

Wagtail pages cost a dozen or two queries and 20–40 ms to render; the same HTML goes
to every anonymous visitor. This middleware keeps the rendered response of a *live
Wagtail page* (flagged by the ``before_serve_page`` hook in ``wagtail_hooks.py``) in
the cache alias ``pages`` and serves it before URL routing on the next request.

- Only GET/HEAD requests without a session cookie are served from or stored in the
  cache: editors (logged in, with the userbar) always get a fresh page.
- Only complete 200 responses that set no cookie are stored; previews, error pages,
  the search view and the admin never are.
- Any saved or deleted object of a content app clears the alias (``purge``): publishing,
  unpublishing, moving or deleting a page, and editing a snippet or the site settings.
- ``PAGE_CACHE_SECONDS`` bounds the age, because "upcoming" and "past" events depend
  on the clock. With several server processes the alias must be a shared cache (Redis)
  so that a purge reaches every process.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
FLAG = "_ik_page_cacheable"
PURGE_APPS = {"home", "knowledge", "events", "wagtailcore", "wagtailimages", "wagtaildocs"}


def cache():
    return caches[CACHE_ALIAS]


def is_anonymous_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
    )


def cache_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def mark_cacheable(request):
    setattr(request, FLAG, True)


def purge(**kwargs):
    cache().clear()


def connect_purge_signals():
    def on_change(sender, **kwargs):
        if sender._meta.app_label in PURGE_APPS:
            purge()

    post_save.connect(on_change, dispatch_uid="ik_page_cache_save", weak=False)
    post_delete.connect(on_change, dispatch_uid="ik_page_cache_delete", weak=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if (
            getattr(request, FLAG, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            response["X-Page-Cache"] = "miss"
            try:
                cache().set(key, response, settings.PAGE_CACHE_SECONDS)
            except Exception:  # a cache outage must never break a page
                logger.exception("Could not store a page in the page cache")
        return response
