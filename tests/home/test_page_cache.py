import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.factories import CaseStudyPageFactory, PersonFactory

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    from home.page_cache import purge

    settings.PAGE_CACHE_SECONDS = 300
    purge()
    yield
    purge()


@pytest.fixture
def case_study(site_root):
    return CaseStudyPageFactory(parent=site_root["knowledge"], title="Erste Fassung")


def test_second_visit_is_served_from_the_cache_without_queries(client, case_study):
    first = client.get(case_study.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(case_study.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_publishing_purges(client, case_study):
    client.get(case_study.url)
    case_study.title = "Zweite Fassung"
    case_study.save_revision().publish()
    response = client.get(case_study.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Zweite Fassung" in response.content.decode()


def test_unpublishing_purges(client, case_study):
    assert client.get(case_study.url).status_code == 200
    case_study.unpublish()
    assert client.get(case_study.url).status_code == 404


def test_editing_a_snippet_purges(client, site_root):
    person = PersonFactory(name="Alte Ansprechperson")
    page = CaseStudyPageFactory(parent=site_root["knowledge"], contact_person=person)
    assert "Alte Ansprechperson" in client.get(page.url).content.decode()
    person.name = "Neue Ansprechperson"
    person.save()
    assert "Neue Ansprechperson" in client.get(page.url).content.decode()


def test_logged_in_editors_always_get_a_fresh_page(admin_client, client, case_study):
    client.get(case_study.url)  # cached for anonymous visitors
    response = admin_client.get(case_study.url)
    assert "X-Page-Cache" not in response
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(case_study.url)
    assert len(queries) > 0


def test_errors_and_non_page_views_are_not_cached(client, site_root, case_study):
    for _ in range(2):
        bad = client.get(site_root["knowledge"].url, {"land": "99"})
        assert bad.status_code == 400 and "X-Page-Cache" not in bad
        search = client.get("/suche/", {"q": "Fassung"})
        assert "X-Page-Cache" not in search
        assert client.get("/gibt-es-nicht/").status_code == 404


def test_switched_off_with_zero_seconds(client, case_study, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(case_study.url)
    assert "X-Page-Cache" not in client.get(case_study.url)


# --- with a shared cache (Redis), as in production ------------------------------------

REDIS_URL = "redis://127.0.0.1:6379/0"
PURGE_ELSEWHERE = "import django; django.setup(); from home.page_cache import purge; purge()"


@pytest.fixture
def redis_caches(settings):
    """Both aliases in the machine's Redis, under a prefix of this test's own (runs on
    SQLite and PostgreSQL happen at the same time)."""
    original = settings.CACHES
    prefix = f"ik-test-{uuid.uuid4().hex[:12]}"
    settings.PAGE_CACHE_LOCAL_SECONDS = 0  # each request asks Redis (see the test below)
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    settings.CACHES = {
        "default": {**redis, "KEY_PREFIX": f"{prefix}:default"},
        "pages": {
            **redis,
            "BACKEND": "home.page_cache.RedisCache",
            "KEY_PREFIX": f"{prefix}:pages",
        },
    }
    yield prefix
    from django.core.cache import caches

    client = caches["pages"]._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    settings.CACHES = original  # the autouse fixture's last purge must not write to Redis


def test_a_purge_in_another_process_reaches_this_one(client, case_study, redis_caches):
    assert client.get(case_study.url)["X-Page-Cache"] == "miss"
    assert client.get(case_study.url)["X-Page-Cache"] == "hit"
    from django.core.cache import caches

    caches["default"].set("unrelated", "kept", 60)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ik_cms.settings.dev",
        "DATABASE_URL": "",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": redis_caches,
    }
    # Another server process (a second gunicorn worker) publishes something: its purge.
    subprocess.run(
        [sys.executable, "-c", PURGE_ELSEWHERE], cwd=BASE_DIR, env=env, check=True, timeout=60
    )
    assert client.get(case_study.url)["X-Page-Cache"] == "miss"
    assert client.get(case_study.url)["X-Page-Cache"] == "hit"
    # A purge is not a FLUSHDB: the other keys in the same Redis database stay.
    assert caches["default"].get("unrelated") == "kept"


def test_publish_and_unpublish_purge_through_redis(client, case_study, redis_caches):
    client.get(case_study.url)
    case_study.title = "Zweite Fassung"
    case_study.save_revision().publish()
    response = client.get(case_study.url)
    assert response["X-Page-Cache"] == "miss" and "Zweite Fassung" in response.content.decode()
    assert client.get(case_study.url)["X-Page-Cache"] == "hit"
    case_study.unpublish()
    assert client.get(case_study.url).status_code == 404


def test_a_cache_outage_never_breaks_a_page(client, case_study, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "home.page_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    for _ in range(2):
        response = client.get(case_study.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    case_study.save_revision().publish()  # the purge logs the outage, publishing works


def test_a_process_reuses_what_it_read_for_a_moment(client, case_study, redis_caches, settings):
    from home import page_cache

    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    client.get(case_study.url)
    page_cache.cache().delete(page_cache.GENERATION_KEY)  # as another process's purge would
    assert client.get(case_study.url)["X-Page-Cache"] == "hit"  # no round trip to Redis
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    assert client.get(case_study.url)["X-Page-Cache"] == "miss"
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    client.get(case_study.url)
    case_study.save_revision().publish()  # a purge here: at once
    assert client.get(case_study.url)["X-Page-Cache"] == "miss"
