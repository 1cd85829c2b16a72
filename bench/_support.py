"""What the benchmark scripts share: their database, Django's setup, in-process serving.

Imported by ``pages.py`` and ``search.py`` (run as scripts from the repository root, so
this directory is on ``sys.path``).
"""

import contextlib
import io
import os
import secrets
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


class RequestFailed(Exception):
    pass


def configure_django(database_url, media_root):
    """Environment for ``ik_cms.settings.dev`` in production-like mode, then setup."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "ik_cms.settings.dev"
    os.environ["DEBUG"] = "false"
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = str(media_root)
    os.environ["ALLOWED_HOSTS"] = HOST
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # the demo build logs every page
    sys.path.insert(0, str(REPO))
    os.chdir(REPO)

    import django

    django.setup()


class Database:
    """Where a benchmark's data lives; knows whether it exists and how to remove it.

    ``url`` None means the SQLite file ``bench.sqlite3`` in ``work_dir``.
    """

    def __init__(self, url, work_dir):
        self.work_dir = Path(work_dir)
        self.url = url or f"sqlite:///{self.work_dir / 'bench.sqlite3'}"
        self.is_default = url is None
        parts = urlsplit(self.url)
        self.is_postgres = parts.scheme in ("postgres", "postgresql", "pgsql")
        self.name = unquote(parts.path.lstrip("/")) if self.is_postgres else None
        self.sqlite_path = None if self.is_postgres else Path(unquote(parts.path)[1:])
        label = self.name if self.is_postgres else self.sqlite_path.stem
        self.media_root = self.work_dir / f"media-{parts.scheme}-{label}"

    def describe(self):
        return f"PostgreSQL database {self.name}" if self.is_postgres else str(self.sqlite_path)

    def _admin_connection(self):
        import psycopg

        parts = urlsplit(self.url)
        admin_url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
        return psycopg.connect(admin_url, autocommit=True)

    def exists(self):
        if not self.is_postgres:
            return self.sqlite_path.exists()
        with self._admin_connection() as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return row.fetchone() is not None

    def create(self):
        shutil.rmtree(self.media_root, ignore_errors=True)
        self.media_root.mkdir(parents=True)
        if self.is_postgres:
            from psycopg import sql

            with self._admin_connection() as conn:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        else:
            self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)

    def remove(self):
        from django.db import connections

        connections.close_all()
        if self.is_postgres:
            from psycopg import sql

            with self._admin_connection() as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(self.name)
                    )
                )
        else:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(self.media_root, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.work_dir.rmdir()  # only if nothing else is left in it


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_benchmark(args, work_dir, build, measure):
    """The database lifecycle both scripts share; returns the exit code.

    ``args`` has ``database_url``, ``reuse`` and ``keep``. An existing ``--database-url``
    database is measured only with ``--reuse`` and never dropped (exit code 2 without
    it); a database built here is removed at the end unless ``--keep``. ``build()``
    fills a new database (and may return figures), ``measure(figures)`` runs and
    reports; a failed request is exit code 1.
    """
    database = Database(args.database_url, work_dir)
    configure_django(database.url, database.media_root)
    exists = database.exists()
    if exists and not args.reuse and not database.is_default:
        log(
            f"{database.describe()} exists already. Pass --reuse to measure it as it is, or "
            "remove it to have it rebuilt (the script only removes what it built itself)."
        )
        return 2
    built = False
    try:
        figures = None
        if exists and args.reuse:
            log(f"Reusing {database.describe()} as it is.")
        else:
            log(f"Building {database.describe()} ...")
            database.create()
            built = True
            figures = build()
        measure(database, figures)
    except RequestFailed as error:
        log(f"Request failed: {error}")
        return 1
    finally:
        if built and not (args.keep or args.reuse):
            database.remove()
        elif built:
            log(f"Kept {database.describe()} (measure it again with --reuse).")
    return 0


def build_demo(log):
    """migrate, load_reference_data, load_demo_content: quietly, each step timed."""
    from django.core.management import call_command

    sink = io.StringIO()
    steps = [
        ("migrate", {"interactive": False}),
        ("load_reference_data", {}),
        ("load_demo_content", {"admin_password": secrets.token_urlsafe(16)}),
    ]
    for command, options in steps:
        started = time.perf_counter()
        call_command(command, verbosity=0, stdout=sink, stderr=sink, **options)
        log(f"  {command}: {time.perf_counter() - started:.1f} s")


def make_environ(url, user_agent, accept="text/html,application/xhtml+xml"):
    """A GET request for ``url`` as a WSGI server would pass it (PATH_INFO is latin-1)."""
    parts = urlsplit(url)
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote(parts.path).encode().decode("iso-8859-1"),
        "QUERY_STRING": parts.query,
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT": accept,
        "HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9",
        "HTTP_USER_AGENT": user_agent,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


def serve(handler, url, user_agent, accept="text/html,application/xhtml+xml"):
    """One request through a WSGI handler: (nanoseconds, body, headers); 200 or RequestFailed.

    The timed span is the handler call, joining the body and ``response.close()`` (which
    sends ``request_finished``), i.e. what a WSGI server waits for.
    """
    environ = make_environ(url, user_agent, accept)
    status = []
    response_headers = {}

    def start_response(status_line, headers, exc_info=None):
        status.append(status_line)
        response_headers.update(headers)

    started = time.perf_counter_ns()
    response = handler(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()
    elapsed = time.perf_counter_ns() - started
    if not status or not status[0].startswith("200"):
        raise RequestFailed(f"GET {url} answered {status[0] if status else 'nothing'}")
    return elapsed, body, response_headers


def database_version():
    """``postgresql 15.19`` or ``sqlite 3.40.1``: what the default connection runs on."""
    from django.db import connection

    vendor = connection.vendor
    if vendor == "postgresql":
        version = connection.pg_version
        return f"postgresql {version // 10000}.{version % 10000}"
    if vendor == "sqlite":
        import sqlite3

        return f"sqlite {sqlite3.sqlite_version}"
    return vendor
