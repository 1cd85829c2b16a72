"""Fast and hermetic settings for the test suite.

The database still comes from ``DATABASE_URL`` so that CI runs the suite on
PostgreSQL and on SQLite alike.
"""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read fresh pages unless they test the page cache itself.
PAGE_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# django-axes needs the request in authenticate(), which client.login() does not pass;
# throttling is off here and tests/ik_cms/test_security.py switches it on.
AXES_ENABLED = False
LOGGING["handlers"]["console"]["formatter"] = "plain"  # noqa: F405  (readable test output)
