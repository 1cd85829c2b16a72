"""scripts/backup and scripts/restore: dump, wipe, restore, and everything is back.

The site under test runs in subprocesses (``manage.py shell``, the two scripts) against
a database of its own, never the test database: on the PostgreSQL run a new database
``ik_backup_<random>`` (a copy of the migrated test database through ``pg_dump | pg_restore``,
without the reference data, which saves the ~40 s of a fresh ``migrate``), on the SQLite
run a file
(a copy of the in-memory test database through SQLite's backup API). Pages with two
revisions each and an image are made there, the backup is taken, the database is dropped
and the media directory removed, the backup is restored, and pages, revisions, images
and the image file's bytes are compared.
"""

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]

CREATE = """
import io
from PIL import Image as PILImage
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Page
from home.factories import StandardPageFactory

root = Page.objects.get(depth=1)
for i in range(2):
    page = StandardPageFactory(parent=root, title=f"Sicherung {i} Fassung 1", slug=f"sicherung-{i}")
    page.title = f"Sicherung {i} Fassung 2"
    page.save_revision()  # a draft on top of the published revision
buffer = io.BytesIO()
PILImage.new("RGB", (8, 8), (200, 10, 10)).save(buffer, "PNG")
Image.objects.create(title="Sicherungsbild", file=ImageFile(buffer, name="sicherung.png"))
"""

DUMP = """
import hashlib, json
from wagtail.images.models import Image
from wagtail.models import Page, Revision

print(json.dumps({
    "pages": sorted(
        [p.pk, p.title, p.live, p.url_path, p.latest_revision_id, p.has_unpublished_changes]
        for p in Page.objects.all()
    ),
    "revisions": sorted(
        [r.pk, r.object_id, r.content["title"], r.created_at.isoformat()]
        for r in Revision.objects.all()
    ),
    "images": sorted(
        [i.pk, i.title, i.file.name, hashlib.sha256(i.file.open("rb").read()).hexdigest()]
        for i in Image.objects.all()
    ),
}))
"""


def site_env(database_url, media_root):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REDIS_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME", "MEDIA_STORAGE")
        and not k.startswith("PG")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="ik_cms.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        LOG_LEVEL="WARNING",
        PYTHON=sys.executable,
    )
    return env


def run(args, env):
    result = subprocess.run(
        args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def shell(code, env):
    return run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], env)


@pytest.fixture
def site_database(db, tmp_path):
    """(DATABASE_URL, wipe) of a migrated database of this test's own (the test database's
    committed state: migrations and reference data)."""
    if connection.vendor == "postgresql":
        import psycopg
        from psycopg import sql

        settings = connection.settings_dict
        name = f"ik_backup_{secrets.token_hex(4)}"
        user = settings["USER"] or "postgres"
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        server = f"postgresql://{user}@{host}:{port}"

        def admin(statement):
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(sql.SQL(statement).format(sql.Identifier(name)))

        admin("CREATE DATABASE {}")
        dump = subprocess.Popen(
            # Reference data is not needed here: a smaller copy, a faster test.
            ["pg_dump", "-Fc", "--no-owner", "--exclude-table-data=knowledge_*"]
            + [f"{server}/{settings['NAME']}"],
            stdout=subprocess.PIPE,
        )
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", f"{server}/{name}"],
            stdin=dump.stdout,
            check=True,
            timeout=120,
        )
        assert dump.wait(timeout=60) == 0

        def drop():
            admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")

        yield f"postgres://{user}@{host}:{port}/{name}", drop
        drop()
    else:
        path = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        yield f"sqlite:///{path}", path.unlink


def test_backup_wipe_restore_brings_back_pages_revisions_and_images(site_database, tmp_path):
    database_url, wipe_database = site_database
    media = tmp_path / "media"
    env = site_env(database_url, media)

    shell(CREATE, env)
    before = json.loads(shell(DUMP, env))
    assert len(before["revisions"]) >= 4 and len(before["images"]) == 1
    image_file = media / before["images"][0][2]
    image_bytes = image_file.read_bytes()

    backup_dir = Path(run(["scripts/backup", str(tmp_path / "backups")], env).strip())
    names = sorted(p.name for p in backup_dir.iterdir())
    assert names[0].startswith("SHA256SUMS") and "media.tar.gz" in names
    assert ("database.pgdump" in names) == database_url.startswith("postgres")

    wipe_database()
    shutil.rmtree(media)

    refused = subprocess.run(
        ["scripts/restore", str(backup_dir)], cwd=BASE_DIR, env=env, capture_output=True
    )
    assert refused.returncode == 2  # without --yes nothing happens
    assert not media.exists()

    run(["scripts/restore", "--yes", str(backup_dir)], env)
    assert json.loads(shell(DUMP, env)) == before
    assert image_file.read_bytes() == image_bytes
