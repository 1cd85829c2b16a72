"""Local development on the embedded SQLite default (``make run``)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "django-insecure-dev-only-never-use-in-production"
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Plain log lines in development unless LOG_FORMAT=json.
LOGGING["handlers"]["console"]["formatter"] = (  # noqa: F405
    "json" if env.str("LOG_FORMAT", default="plain") == "json" else "plain"
)
