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
- ``PAGE_CACHE_SECONDS`` bounds the age. A page whose content changes with the clock
  (an event turning from upcoming to past) calls ``expire_at(request, moment)`` while
  it renders, and is then kept no later than that moment.
- With several server processes the alias must be a shared cache (Redis) so that a
  purge reaches every process.
"""

import hashlib
import logging
import math

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
FLAG = "_ik_page_cacheable"
EXPIRES = "_ik_page_cache_expires"
PURGE_APPS = {"home", "knowledge", "events", "wagtailcore", "wagtailimages", "wagtaildocs"}
# Rows of those apps that no page shows: a contact request posted or sent changes nothing.
PURGE_EXCLUDE = {"knowledge.contactrequest"}


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


def expire_at(request, moment):
    """Keep the page rendered for ``request`` in the cache no later than ``moment``."""
    if request is None or moment is None:
        return
    current = getattr(request, EXPIRES, None)
    if current is None or moment < current:
        setattr(request, EXPIRES, moment)


def cache_timeout(request):
    """Seconds to keep this request's page: ``PAGE_CACHE_SECONDS``, or less if the page
    changes earlier (0: do not store it)."""
    timeout = settings.PAGE_CACHE_SECONDS
    moment = getattr(request, EXPIRES, None)
    if moment is not None:
        timeout = min(timeout, math.floor((moment - timezone.now()).total_seconds()))
    return max(timeout, 0)


def purge(**kwargs):
    cache().clear()


def connect_purge_signals():
    def on_change(sender, **kwargs):
        if sender._meta.app_label in PURGE_APPS and sender._meta.label_lower not in PURGE_EXCLUDE:
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
        timeout = cache_timeout(request)
        if (
            getattr(request, FLAG, False)
            and timeout > 0
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            response["X-Page-Cache"] = "miss"
            try:
                cache().set(key, response, timeout)
            except Exception:  # a cache outage must never break a page
                logger.exception("Could not store a page in the page cache")
        return response
