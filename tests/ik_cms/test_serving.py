"""Production serving: settings from the environment, /healthz, gunicorn's JSON logs,
static files, and the compose file (docs/deployment.md)."""

import datetime
import io
import json
import logging
import os
import runpy
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"

RESOLVE = """
import json
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages

caches["default"].set("probe", "ok", 30)
default = storages["default"]
print(json.dumps({
    "caches": {alias: [c["BACKEND"], c.get("LOCATION"), c.get("KEY_PREFIX")]
               for alias, c in settings.CACHES.items()},
    "redis_roundtrip": caches["default"].get("probe"),
    "media": type(default).__module__ + "." + type(default).__name__,
    "media_url": default.url("original_images/karte.png"),
    "media_options": {k: getattr(default, k, None) for k in (
        "bucket_name", "endpoint_url", "region_name", "custom_domain", "location")},
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "log_formatter": settings.LOGGING["handlers"]["console"]["formatter"],
}))
"""


def resolve(settings_module, **env_overrides):
    """The settings' caches, storages and logs as a fresh process resolves them."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AWS_", "REDIS", "MEDIA_STORAGE", "LOG_FORMAT", "CACHE_KEY"))
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, DATABASE_URL="", **env_overrides)
    # No network: an S3 endpoint that would refuse, and botocore told not to look for
    # instance metadata; building the storage and a URL must not connect at all.
    env.update(AWS_EC2_METADATA_DISABLED="true")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{RESOLVE}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_configuration_resolves_redis_s3_and_json_logs():
    prefix = f"ik-test-{uuid.uuid4().hex[:8]}"
    found = resolve(
        "ik_cms.settings.base",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        AWS_STORAGE_BUCKET_NAME="ik-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="geheim",
        AWS_S3_CUSTOM_DOMAIN="media.initiative-k.example",
    )
    redis = "django.core.cache.backends.redis.RedisCache"
    assert found["caches"] == {
        "default": [redis, REDIS_URL, f"{prefix}:default"],
        "pages": ["home.page_cache.RedisCache", REDIS_URL, f"{prefix}:pages"],
    }
    assert found["redis_roundtrip"] == "ok"  # the real Redis of this machine
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["media_options"] == {
        "bucket_name": "ik-media",
        "endpoint_url": "http://127.0.0.1:9",
        "region_name": "eu-central-1",
        "custom_domain": "media.initiative-k.example",
        "location": "",
    }
    assert found["media_url"] == "https://media.initiative-k.example/original_images/karte.png"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["log_formatter"] == "json"


def test_development_defaults_are_local():
    found = resolve("ik_cms.settings.dev", MEDIA_ROOT="/tmp/ik-media")
    locmem = "django.core.cache.backends.locmem.LocMemCache"
    assert {alias: c[0] for alias, c in found["caches"].items()} == {
        "default": locmem,
        "pages": locmem,
    }
    assert found["media"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["media_url"] == "/media/original_images/karte.png"
    assert found["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert found["log_formatter"] == "plain"


def test_tests_keep_plain_static_files(settings):
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


def test_collectstatic_with_whitenoise_hashes_and_compresses(settings, tmp_path):
    """Our files, the SVG map and the Wagtail admin's go through WhiteNoise's manifest
    storage (compression limited to SVG and our CSS to keep the test short)."""
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    extensions = {p.suffix.lstrip(".") for p in (BASE_DIR / "static").rglob("*") if p.is_file()}
    extensions |= {"js", "css", "map", "woff", "woff2", "ttf", "eot", "png", "json", "txt"}
    settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS = sorted(extensions - {"svg"})
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    svg = manifest["maps/germany-laender.svg"]
    assert svg != "maps/germany-laender.svg" and (tmp_path / f"{svg}.gz").exists()
    assert any(name.startswith("wagtailadmin/js/") for name in manifest)
    assert all((tmp_path / hashed).exists() for hashed in manifest.values())


# --- /healthz ---------------------------------------------------------------------------


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends


@pytest.mark.django_db
def test_healthz_reports_database_and_search(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "X-Page-Cache" not in response
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["ms"] >= 0
    assert body["checks"]["search"] == {
        "ok": True,
        "ms": body["checks"]["search"]["ms"],
        "backend": "database",
    }
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_names_a_failed_elasticsearch_without_secrets(client, settings):
    from search.es import backend_settings

    url = f"http://elastic:geheim-pw@127.0.0.1:{closed_port()}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": backend_settings(url, auto_update=False),
        "database": settings.WAGTAILSEARCH_BACKENDS["default"],
    }
    started = datetime.datetime.now()
    response = client.get("/healthz")
    assert (datetime.datetime.now() - started).total_seconds() < 5
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["search"]["ok"] is False
    assert "Connection" in body["checks"]["search"]["error"]
    text = response.content.decode()
    assert "geheim-pw" not in text and settings.SECRET_KEY not in text


@pytest.mark.django_db
def test_healthz_names_a_failed_database_and_cache(client, settings, monkeypatch):
    from ik_cms import health

    def broken():
        raise RuntimeError("the server is gone")

    monkeypatch.setattr(health, "check_database", broken)
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == {"ok": False, "error": "RuntimeError: the server is gone"}
    assert checks["cache"]["ok"] is False and checks["search"]["ok"] is True


# --- gunicorn -------------------------------------------------------------------------


def test_gunicorn_config_from_environment_with_json_access_log(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9001")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.2")
    monkeypatch.setenv("LOG_FORMAT", "json")
    conf = runpy.run_path(str(BASE_DIR / "ik_cms" / "gunicorn.conf.py"))
    assert (conf["workers"], conf["bind"], conf["forwarded_allow_ips"]) == (
        3,
        "127.0.0.1:9001",
        "10.0.0.2",
    )
    assert conf["timeout"] == 30 and conf["accesslog"] == "-"

    from gunicorn.config import Config

    cfg = Config()
    for name in ("accesslog", "errorlog", "logger_class"):
        cfg.set(name, conf[name])
    logger = cfg.logger_class(cfg)
    stream = io.StringIO()
    for handler in logger.access_log.handlers:
        handler.stream = stream
    logger.access(
        SimpleNamespace(status="200 OK", sent=1234, headers=[("X-Page-Cache", "hit")]),
        SimpleNamespace(headers=[("X-REQUEST-ID", "r-1")]),
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/wissen/",
            "QUERY_STRING": 'q="Bürgeramt"',
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_USER_AGENT": 'Mozilla "5"',
        },
        datetime.timedelta(milliseconds=12.5),
    )
    line = json.loads(stream.getvalue().strip())
    assert line["level"] == "INFO" and line["logger"] == "gunicorn.access"
    assert line["message"] == "GET /wissen/ 200"
    assert (line["status"], line["bytes"], line["duration_ms"]) == (200, 1234, 12.5)
    assert line["query"] == 'q="Bürgeramt"' and line["user_agent"] == 'Mozilla "5"'
    assert line["request_id"] == "r-1" and line["page_cache"] == "hit"
    logging.getLogger("gunicorn.access").handlers.clear()


# --- compose ------------------------------------------------------------------------------


def compose_command():
    docker = shutil.which("docker")
    if docker:
        probe = subprocess.run([docker, "compose", "version"], capture_output=True)
        if probe.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_compose_file_validates():
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "initiative-k.example",
        "POSTGRES_PASSWORD": "pw",
    }
    result = subprocess.run(
        [*command, "-f", "compose.yaml", "config"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for service in ("web:", "postgres:", "elasticsearch:", "redis:", "wordlist:"):
        assert service in result.stdout
    missing = {k: v for k, v in env.items() if k != "SECRET_KEY"}
    refused = subprocess.run(
        [*command, "-f", "compose.yaml", "config", "-q"],
        cwd=BASE_DIR,
        env=missing,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0 and "SECRET_KEY" in refused.stderr + refused.stdout
