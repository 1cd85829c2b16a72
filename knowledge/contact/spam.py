"""Spam defences without third-party services: a rate limit per client.

The client is known only by a salted HMAC of its address (keyed with SECRET_KEY), kept
in the default cache for the window and never in the database (DSGVO). The honeypot
field lives in the form (``ContactForm.website``).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_address(request):
    """The address from ``CONTACT_CLIENT_IP_HEADER`` (REMOTE_ADDR by default). For a
    list such as X-Forwarded-For the last entry counts: the one our own proxy added."""
    header = getattr(settings, "CONTACT_CLIENT_IP_HEADER", "REMOTE_ADDR") or "REMOTE_ADDR"
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or ""
    return value.split(",")[-1].strip()


def cache_key(request):
    digest = salted_hmac("knowledge.contact.rate-limit", client_address(request)).hexdigest()
    return f"contact-rate:{digest}"


def _limit():
    return getattr(settings, "CONTACT_RATE_LIMIT", 5)


def _window():
    return getattr(settings, "CONTACT_RATE_LIMIT_WINDOW", 3600)


def is_limited(request):
    """True when this client used up its requests for the window (0 switches it off)."""
    limit = _limit()
    return limit > 0 and cache.get(cache_key(request), 0) >= limit


def count(request):
    """Count one accepted request (a valid one, or one caught by the honeypot)."""
    key = cache_key(request)
    if not cache.add(key, 1, timeout=_window()):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=_window())


def retry_after():
    return _window()
