import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "Q7x!pZ2@rT9#mW4$vB6%nY8^cD1&hJ3*"


def run_manage(*args, env_overrides):
    ignored = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_german_first_with_english_second():
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["de", "en"]


def test_admin_makes_no_outside_requests():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_database_follows_database_url():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    sqlite = run_manage(
        "shell",
        "-c",
        code,
        env_overrides={"DJANGO_SETTINGS_MODULE": "ik_cms.settings.dev", "DATABASE_URL": ""},
    )
    assert sqlite.stdout.strip().endswith("sqlite3"), sqlite.stderr
    postgres = run_manage(
        "shell",
        "-c",
        code,
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "ik_cms.settings.dev",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
        },
    )
    assert postgres.stdout.strip().endswith("postgresql"), postgres.stderr


@pytest.mark.parametrize(
    "missing, message",
    [("SECRET_KEY", "SECRET_KEY must be set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS must be set")],
)
def test_production_refuses_to_start_without_secrets(missing, message):
    env = {
        "DJANGO_SETTINGS_MODULE": "ik_cms.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "initiative-k.example",
    }
    del env[missing]
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_the_dev_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "ik_cms.settings.production",
            "SECRET_KEY": "django-insecure-dev-only-never-use-in-production" + "x" * 10,
            "ALLOWED_HOSTS": "initiative-k.example",
        },
    )
    assert result.returncode != 0


def test_check_deploy_is_clean_with_documented_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "ik_cms.settings.production",
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "initiative-k.example",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr
    assert "no issues" in result.stdout


def test_env_example_documents_every_variable():
    documented = {
        line.split("=", 1)[0].lstrip("# ").strip()
        for line in (BASE_DIR / ".env.example").read_text().splitlines()
        if "=" in line
    }
    from ik_cms.settings.base import env

    assert set(env.scheme) <= documented
