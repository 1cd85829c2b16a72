"""A whole-page cache for anonymous visitors, purged whenever content changes.

Wagtail pages cost a dozen or two queries and 20–40 ms to render; the same HTML goes
to every anonymous visitor. This middleware keeps the rendered response of a *live
Wagtail page* (flagged by the ``before_serve_page`` hook in ``wagtail_hooks.py``) in
the cache alias ``pages`` and serves it before URL routing on the next request.

- Only GET/HEAD requests without a session cookie are served from or stored in the
  cache: editors (logged in, with the userbar) always get a fresh page.
- Only complete 200 responses that set no cookie are stored; previews, error pages,
  the search view and the admin never are.
- Any saved or deleted object of a content app purges the alias (``purge``): publishing,
  unpublishing, moving or deleting a page, and editing a snippet or the site settings.
  A purge does not clear the cache (``clear()`` on Redis is ``FLUSHDB``, which would take
  every other key of the database with it): it replaces the *generation* token stored in
  the alias itself. Every entry carries the generation it was rendered under and is
  served only while that is still the current one, so a purge in one process reaches
  every process sharing the cache. Entries of old generations age out by their timeout.
  A lookup is one round trip (``get_many`` of the generation and the entry). A page
  whose own rendering purged (Wagtail creates the site settings row on first use) is
  stored under the generation it made. Inside a transaction the purge is repeated
  after the commit, so that no process caches what it read before the commit.
- ``PAGE_CACHE_SECONDS`` bounds the age. A page whose content changes with the clock
  (an event turning from upcoming to past) calls ``expire_at(request, moment)`` while
  it renders, and is then kept no later than that moment.
- With several server processes the alias must be a shared cache (Redis, ``REDIS_URL``)
  so that a purge reaches every process. In front of a shared cache each process keeps
  what it read for ``PAGE_CACHE_LOCAL_SECONDS`` (1 s; 0: off): a hit then needs no
  round trip to Redis, and a purge elsewhere reaches this process within that second
  (its own purge at once). A cache outage never breaks a page: the page
  is rendered as if the cache were off.
"""

import contextvars
import hashlib
import logging
import math
import pickle
import secrets
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.db import connection, transaction
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


class _ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = super().get_client(key, write=write)
        return clients[index]


class RedisCache(DjangoRedisCache):
    """Django's RedisCache, keeping one redis-py client per connection pool.

    Django builds a new ``redis.Redis`` for every operation, which costs ~0.15 ms with
    redis-py 8: a third of a page cache hit (``bench/load.py``). The client is
    thread-safe and its pool reconnects after a fork, so one per cache object is enough.
    The settings use it for the ``pages`` alias when ``REDIS_URL`` is set.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusingRedisCacheClient


def is_anonymous_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
    )


GENERATION_KEY = "page-generation"


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


def new_generation():
    return secrets.token_hex(8)


# The generation the current request's own purge made (see PageCacheMiddleware).
_purged_here = contextvars.ContextVar("ik_page_cache_purged", default=None)


def purge(**kwargs):
    """Invalidate every cached page in every process sharing the ``pages`` cache."""
    generation = new_generation()
    try:
        cache().set(GENERATION_KEY, generation, None)
    except Exception:  # the entries still expire after PAGE_CACHE_SECONDS
        logger.exception("Could not purge the page cache")
        return
    with _recent_lock:
        _recent.clear()
    _purged_here.set(generation)


# What this process read from a shared cache lately: key -> (monotonic time, generation,
# pickled response). Cleared by a purge here; entries are used for local_seconds().
_recent = {}
_recent_lock = threading.Lock()
RECENT_MAX = 1000


def local_seconds():
    if "locmem" in type(cache()).__module__:
        return 0  # the cache is in this process already
    return getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 0)


def _remember(key, generation, response):
    with _recent_lock:
        if len(_recent) >= RECENT_MAX:
            _recent.clear()
        _recent[key] = (time.monotonic(), generation, pickle.dumps(response))


def lookup(key):
    """(current generation, cached response or None): from what this process read within
    ``PAGE_CACHE_LOCAL_SECONDS``, else in one round trip to the cache."""
    seconds = local_seconds()
    if seconds > 0:
        recent = _recent.get(key)
        if recent is not None and time.monotonic() - recent[0] < seconds:
            return recent[1], pickle.loads(recent[2])
    generation, response = _shared_lookup(key)
    if response is not None and seconds > 0:
        _remember(key, generation, response)
    return generation, response


def _shared_lookup(key):
    found = cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # First use, or evicted: start a generation (add: another process may be first).
        cache().add(GENERATION_KEY, new_generation(), None)
        return cache().get(GENERATION_KEY), None
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return generation, entry[1]
    return generation, None


def connect_purge_signals():
    def on_change(sender, **kwargs):
        if sender._meta.app_label in PURGE_APPS and sender._meta.label_lower not in PURGE_EXCLUDE:
            purge()
            if connection.in_atomic_block:
                transaction.on_commit(purge)

    post_save.connect(on_change, dispatch_uid="ik_page_cache_save", weak=False)
    post_delete.connect(on_change, dispatch_uid="ik_page_cache_delete", weak=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_request(request):
            return self.get_response(request)
        key = cache_key(request)
        try:
            generation, cached = lookup(key)
        except Exception:  # a cache outage must never break a page
            logger.exception("Could not read the page cache")
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        own_purge = _purged_here.set(None)
        try:
            response = self.get_response(request)
            # This request purged (and changed the data it then rendered): its generation.
            generation = _purged_here.get() or generation
        finally:
            _purged_here.reset(own_purge)
        timeout = cache_timeout(request)
        if (
            generation is not None
            and getattr(request, FLAG, False)
            and timeout > 0
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            response["X-Page-Cache"] = "miss"
            try:
                # Read before rendering (or made by it): a purge by others meanwhile wins.
                cache().set(key, (generation, response), timeout)
                if local_seconds() > 0:
                    _remember(key, generation, response)
            except Exception:  # a cache outage must never break a page
                logger.exception("Could not store a page in the page cache")
        return response
