"""``/healthz``: is this process able to serve? For load balancers and container checks.

``GET /healthz`` runs each check with a short timeout (``CHECK_TIMEOUT`` seconds) and
answers JSON, 200 when all passed and 503 otherwise, never cached::

    {"status": "ok", "checks": {"database": {"ok": true, "ms": 1.2},
                                "search": {"ok": true, "ms": 3.4, "backend": "elasticsearch"},
                                "cache": {"ok": true, "ms": 0.3}}}

- ``database``: ``SELECT 1`` on the default database.
- ``search``: the configured default search backend: Elasticsearch's cluster health
  (``ELASTICSEARCH_URL``; a red cluster fails) or, for the database backends, one cheap
  query on their index table.
- ``cache``: only with ``REDIS_URL``: a write and read in the default cache.

A failed check names the exception class and a short reason; the output never holds
addresses with credentials, keys or passwords (``_safe``).
"""

import re
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

CHECK_TIMEOUT = 2  # seconds per check

_USERINFO = re.compile(r"(\w+://)[^/@\s]+@")


def _safe(exc):
    """A short description of ``exc`` with no credentials in it."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    message = _USERINFO.sub(r"\1***@", message)
    for secret in (settings.SECRET_KEY, settings.DATABASES["default"].get("PASSWORD")):
        if secret:
            message = message.replace(secret, "***")
    return f"{exc.__class__.__name__}: {message[:200]}" if message else exc.__class__.__name__


def _timed(check):
    started = time.perf_counter()
    try:
        extra = check() or {}
    except Exception as exc:
        return {"ok": False, "error": _safe(exc)}
    result = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    result.update(extra)
    return result


def check_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Session-wide but harmless: every check sets it again.
            cursor.execute("SET statement_timeout = %s", [CHECK_TIMEOUT * 1000])
        cursor.execute("SELECT 1")
        cursor.fetchone()
        if connection.vendor == "postgresql":
            cursor.execute("SET statement_timeout = 0")


def check_search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    es = getattr(backend, "es", None)
    if es is not None:
        health = es.options(
            request_timeout=CHECK_TIMEOUT, max_retries=0, retry_on_timeout=False
        ).cluster.health(timeout=f"{CHECK_TIMEOUT}s")
        status = health.get("status")
        if status not in ("green", "yellow"):
            raise RuntimeError(f"cluster status {status}")
        return {"backend": "elasticsearch", "cluster": status}
    from search.backends import IndexEntry

    IndexEntry.objects.exists()
    return {"backend": "database"}


def check_cache():
    from django.core.cache import cache

    cache.set("healthz", "1", 10)
    if cache.get("healthz") != "1":
        raise RuntimeError("the value written was not read back")


def checks():
    found = {"database": check_database, "search": check_search}
    if getattr(settings, "REDIS_URL", ""):
        found["cache"] = check_cache
    return found


@never_cache
@require_safe
def healthz(request):
    results = {name: _timed(check) for name, check in checks().items()}
    ok = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if ok else "fail", "checks": results}, status=200 if ok else 503
    )
