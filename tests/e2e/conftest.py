"""Browser tests: Debian's Chromium driven by Playwright (no downloaded browser).

pytest-django's live server runs in a thread of the test process; the ORM is used from
Playwright's event loop thread too, hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.db import connections
from wagtail.models import Locale

from knowledge.models import (
    CatalogueLabel,
    Lebenslage,
    LeikaLeistung,
    Leistung,
    Region,
    Themenfeld,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


# Tables a live-server test's flush leaves alone: the reference data (11,000 regions, the
# OZG catalogue and their labels) and the locales its labels point to. Tests never write
# them, and reloading them after every browser test cost ~4 s each on PostgreSQL.
KEPT_TABLES = {
    model._meta.db_table
    for model in (Region, Themenfeld, Lebenslage, Leistung, LeikaLeistung, CatalogueLabel, Locale)
}


@pytest.fixture(scope="module", autouse=True)
def keep_reference_data_on_flush():
    """Module scope, so that the patch outlives each test's flush (function scope)."""
    introspection = type(connections["default"].introspection)
    original = introspection.django_table_names

    def django_table_names(self, *args, **kwargs):
        return [name for name in original(self, *args, **kwargs) if name not in KEPT_TABLES]

    introspection.django_table_names = django_table_names
    yield
    introspection.django_table_names = original


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread, and Django refuses ORM
    calls (even the test database setup) from a thread with a running loop."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def requested_hosts(page):
    """Every host the browser sent a request to (scheme://host:port)."""
    hosts = set()

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss"):
            hosts.add(f"{parts.scheme}://{parts.netloc}")
        elif parts.scheme not in ("data", "blob", "about"):
            hosts.add(request.url)

    page.on("request", record)
    return hosts
