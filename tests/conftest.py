"""Shared fixtures.

The real reference data (16 Länder, 400 Kreise, 10,953 Gemeinden, the OZG catalogue)
is loaded once per test database; tests that flush the database (browser tests with a
live server) get it back through the ``reference_data`` fixture, together with the rows
that data migrations made (the locales, Wagtail's root page and root collection).
"""

from contextlib import contextmanager

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import Collection, Locale, Page, Site

from home.editorial import get_workflow
from knowledge.models import Region
from knowledge.reference_data import load_all


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not Region.objects.exists():
            load_all()


def restore_migrated_rows():
    """The rows of data migrations, gone after a live-server test's flush. (A serialized
    rollback would restore them, but clashes with the content types a flush recreates.)"""
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
                locale=Locale.objects.get(language_code="de"),
            )
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    get_workflow()  # the editorial groups and review workflow (made if missing)


def ensure_reference_data():
    """Migrated rows and reference data, back after a flush (a no-op otherwise)."""
    restore_migrated_rows()
    if not Region.objects.filter(code="08111000").exists():
        load_all()


@pytest.fixture
def reference_data(db):
    ensure_reference_data()


@pytest.fixture
def site_root(reference_data):
    """A German HomePage as the default site's root, with Wissen and Veranstaltungen."""
    return build_site_root()


def build_site_root():
    from events.factories import EventIndexPageFactory
    from home.factories import HomePageFactory
    from knowledge.factories import KnowledgeIndexPageFactory

    # Any other site goes first (a module's shared site, too: see module_transaction).
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Initiative K", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "localhost",
            "port": 80,
            "site_name": "Initiative K",
        },
    )
    knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
    events = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    return {"home": home, "knowledge": knowledge, "events": events, "locale": Locale.get_default()}


@contextmanager
def module_transaction(django_db_blocker):
    """Data that all tests of a module share, built once (a page tree costs ~2 s on
    PostgreSQL): made inside a transaction that is rolled back when the module is done.
    Each test still asks for ``db`` and runs in a savepoint inside it, so what a test
    changes is gone before the next one. Hand out the shared objects through ``fresh``.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            ensure_reference_data()
            yield
        finally:
            transaction.set_rollback(True)


def fresh(objects):
    """``objects`` (a dict) with each model instance read again: a test that changes an
    in-memory object (a page's ``numchild`` when it adds a child) must not hand that
    change to the next test, whose savepoint no longer has it."""
    return {
        key: type(value).objects.get(pk=value.pk) if isinstance(value, models.Model) else value
        for key, value in objects.items()
    }
