"""Settings shared by every environment.

All configuration that varies between environments is read from the environment in
the block below (django-environ) and documented in ``.env.example``. ``dev``, ``test``
and ``production`` are thin layers on top of this module.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# --- Environment: the one place where configuration comes in -----------------------
env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, ""),
    DATABASE_CONN_MAX_AGE=(int, 60),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Initiative K <noreply@localhost>"),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31536000),
    LOG_LEVEL=(str, "INFO"),
    PAGE_CACHE_SECONDS=(int, 300),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "ik_"),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

# SQLite is the embedded default so that a fresh clone runs without a server;
# production sets DATABASE_URL=postgres://... (psycopg 3).
if env("DATABASE_URL"):
    DATABASES = {"default": env.db("DATABASE_URL")}
    DATABASES["default"]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        # /healthz says "database failed" within seconds when the server is gone.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
        }
    }

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Serving (docs/deployment.md) -----------------------------------------------------
# Whole-page cache for anonymous visitors (home/page_cache.py); 0 switches it off.
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
# Caches: per process (LocMem) unless REDIS_URL (redis://host:6379/0) is set; then the
# "default" cache (contact rate limit, ...) and "pages" (the page cache, whose purge
# must reach every process) live in Redis, each under its own key prefix.
REDIS_URL = env.str("REDIS_URL", default="")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="ik")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # Quick failure: a page renders without its cache rather than wait for Redis.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:default"},
        # Django's RedisCache reusing its client: a page cache hit costs a third less.
        "pages": {
            **_redis,
            "BACKEND": "home.page_cache.RedisCache",
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }
# Seconds a process reuses what it read from a shared page cache (home/page_cache.py):
# a purge in another process reaches it within that time; 0: ask Redis every time.
PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=1.0)
# Structured logs: JSON lines (python-json-logger) or plain text; see LOGGING below.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
# /healthz answers plain HTTP too (the container's health check has no TLS).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

MEDIA_ROOT = env("MEDIA_ROOT")
STATIC_ROOT = env("STATIC_ROOT")

# --- Applications ------------------------------------------------------------------
INSTALLED_APPS = [
    "ik_cms",
    "home",
    "knowledge",
    "events",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",  # for wagtail.api.v2
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",  # login throttling; keep it last (see the Security block)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Hashed, compressed static files straight from the WSGI process (whitenoise).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous visitors' pages before routing; see home/page_cache.py. It stores
    # a page's response with the headers the middlewares below add (the policies do not
    # change per request), so a cache hit skips them too.
    "home.page_cache.PageCacheMiddleware",
    # Security headers (ik_cms/security.py, docs/security.md).
    "ik_cms.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out login into the lockout page; must be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ik_cms.urls"
WSGI_APPLICATION = "ik_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Language and time: German first, English second --------------------------------
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media ---------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# Media on local disk (MEDIA_ROOT) or, with MEDIA_STORAGE=s3 (the default when
# AWS_STORAGE_BUCKET_NAME is set), in an S3-compatible bucket (django-storages).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="s3" if AWS_STORAGE_BUCKET_NAME else "local")
if MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            # Private bucket, signed URLs unless a public custom domain serves it.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE == "local":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")
# Static files: hashed names and gzip/brotli copies made by collectstatic, served by
# WhiteNoise's middleware with far-future caching (dev and test use the plain storage).
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Initiative K"
# German analysis on both database backends (search/backends/); the subclass matches
# the database vendor. After deploying a change here: manage.py update_index.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": (
            "search.backends.postgres"
            if "postgresql" in DATABASES["default"]["ENGINE"]
            else "search.backends.sqlite"
        ),
    }
}
# Production search: Elasticsearch when ELASTICSEARCH_URL is set (search/es.py). The
# database backend stays configured and auto-updated as "database": search.fallback
# answers from it while Elasticsearch is unreachable.
if env("ELASTICSEARCH_URL"):
    from search.es import backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": backend_settings(
            env("ELASTICSEARCH_URL"), index_prefix=env("ELASTICSEARCH_INDEX_PREFIX")
        ),
        "database": WAGTAILSEARCH_BACKENDS["default"],
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "vtt", "xlsx", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
# Privacy (DSGVO): the admin must not call other hosts.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# A page goes live only after every step approved the version that goes live: an edit
# during review (e.g. after a request for changes) needs the Redaktion's approval again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# --- Contact requests (knowledge/contact/) -------------------------------------------
# Accepted requests per client and window (by a salted hash of the client address, in
# the default cache: use a shared cache such as Redis when running several processes).
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
CONTACT_RATE_LIMIT_WINDOW = env.int("CONTACT_RATE_LIMIT_WINDOW", default=3600)
# The request.META key with the client address; behind a proxy e.g. HTTP_X_REAL_IP.
CONTACT_CLIENT_IP_HEADER = env.str("CONTACT_CLIENT_IP_HEADER", default="REMOTE_ADDR")
# Days a request is kept (DSGVO); manage.py send_contact_requests deletes older ones.
CONTACT_REQUEST_RETENTION_DAYS = env.int("CONTACT_REQUEST_RETENTION_DAYS", default=180)

# --- Security (docs/security.md) ------------------------------------------------------
from datetime import timedelta  # noqa: E402

from ik_cms import security  # noqa: E402

# Content-Security-Policy (django-csp 4): one strict policy for the site and the APIs;
# ik_cms.security.ContentSecurityPolicyMiddleware adapts frame-ancestors for Wagtail's
# previews and style-src for the 500 page, and relaxes the admin behind its login
# (ADMIN_DIRECTIVES: Wagtail 8.0.1 writes inline scripts; see docs/security.md).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": security.DIRECTIVES}
PERMISSIONS_POLICY = security.PERMISSIONS_POLICY
# The YouTube embed refuses to play without a referrer (error 153): the origin only,
# never the path, goes to other hosts.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views override this with SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"

# Admin logins (django-axes): 5 failures for one username from one address lock that
# pair for 15 minutes (the right password is refused meanwhile); other users and other
# addresses are not affected. Behind a reverse proxy set AXES_IPWARE_META_PRECEDENCE_ORDER
# (e.g. HTTP_X_FORWARDED_FOR) and AXES_IPWARE_PROXY_COUNT, or all clients share the
# proxy's address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ik_cms.security.lockout_response"
AXES_IPWARE_META_PRECEDENCE_ORDER = env.tuple(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=("REMOTE_ADDR",)
)
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)
# Failed attempts are logged without the password; no access log of every login.
AXES_DISABLE_ACCESS_LOG = True

# Uploads: images up to 10 MB and 40 megapixels, no SVG (scripts); documents (PDF,
# office files, captions, and the self-hosted recordings' videos) up to
# WAGTAILDOCS_MAX_UPLOAD_SIZE above. Form fields without files: 10 MB at most.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Logging ------------------------------------------------------------------------
# LOG_FORMAT=json (the default; dev: plain): one JSON object a line with time, level,
# logger and message (and the exception); gunicorn's access log: ik_cms/gunicorn.conf.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
}
