"""Load benchmark: 50 concurrent clients against gunicorn on loopback, on PostgreSQL.

    .venv/bin/pip install -r bench/requirements.txt      # locust, once
    .venv/bin/python bench/load.py                       # ~2 min of load + setup
    .venv/bin/python bench/load.py --keep                # keep database and static files
    .venv/bin/python bench/load.py --reuse --users 20 --run-time 30s

Method
------
1. Builds the demo site (``migrate``, ``load_reference_data``, ``load_demo_content``) in
   the PostgreSQL database ``--database-url`` (``bench_load``), unless ``--reuse``, and
   runs ``collectstatic`` with WhiteNoise's compressed manifest storage.
2. Starts gunicorn (``ik_cms/gunicorn.conf.py``) on a free loopback port with the
   production settings (``DEBUG`` off, HTTPS redirect off since there is no proxy), the
   page cache on (``PAGE_CACHE_SECONDS=300``) in the machine's Redis (``--redis-url``,
   under a key prefix of this run), WhiteNoise serving the static files, JSON logs.
3. Checks that every URL of the mix answers 200 once, then runs locust headless
   (``--users`` 50, ``--spawn-rate`` 10, ``--run-time`` 2m), each client waiting
   ``--wait`` seconds between requests, with this mix (weights): page views 50 (the
   anonymous visitor's pages: home, listings, case studies, learnings, events, recordings,
   municipality profiles, German and English), searches 20 (``/suche/?q=``, rendered every
   time), API calls 20 (``/api/search/``, ``/api/search/suggest/``, ``/api/v2/pages/``),
   feeds and data 10 (RSS/Atom, iCal, the open data JSON). It prints requests per
   second, p50/p95/p99 (overall and per kind) and the error count (target: 0).
4. A second phase (``--ratio-run-time``, 30 s each, same clients, no waiting): only
   anonymous cached pages (each answered ``X-Page-Cache: hit``), then only one static
   file of our own (``/static/...``, served by WhiteNoise), and prints the throughput
   ratio page/static (target: at least 0.8).

locust runs on the same 2 cores as gunicorn, PostgreSQL and Redis: figures are for
comparing runs and the two ratios' sides on this machine, not absolute capacity.

The file is also the locustfile: locust imports it and finds the user classes below;
they read their URLs from the JSON file named by ``IK_LOAD_URLS``.
"""

import argparse
import csv
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

try:
    from locust import FastHttpUser, between, constant, task
except ImportError:  # running as the driver without locust: main() says what to do
    FastHttpUser = None

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
WORK_DIR = Path(tempfile.gettempdir()) / "ik-bench-load"
QUERIES = [
    "Wohngeld",
    "Bürgeramt",
    "Buergeramt",
    "Digitalisierung",
    "Radverkehr",
    "Schule",
    "Förderung",
    "Open Data",
    "Verwaltung",
    "Bauantrag",
    "Kita",
    "Klimaschutz",
]
SUGGEST = ["Bür", "Wohn", "Mün", "Dig", "Rad", "Schu", "Kit", "Bau"]


# --- the locustfile part ------------------------------------------------------------------

if FastHttpUser is not None:
    _URLS = {}

    def urls(kind):
        if not _URLS:
            _URLS.update(json.loads(Path(os.environ["IK_LOAD_URLS"]).read_text()))
        return _URLS[kind]

    def _wait():
        low, _, high = os.environ.get("IK_LOAD_WAIT", "0.2-1.0").partition("-")
        return between(float(low), float(high or low))

    class MixedUser(FastHttpUser):
        """Page views, searches, API calls and feeds, as anonymous visitors."""

        wait_time = _wait()

        @task(50)
        def page(self):
            self.client.get(random.choice(urls("pages")), name="page")

        @task(20)
        def search(self):
            self.client.get(random.choice(urls("searches")), name="search")

        @task(20)
        def api(self):
            self.client.get(random.choice(urls("api")), name="api")

        @task(10)
        def feed(self):
            self.client.get(random.choice(urls("feeds")), name="feed")

    class CachedPageUser(FastHttpUser):
        """Only anonymous pages that the page cache answers (checked by the header)."""

        wait_time = constant(0)

        @task
        def page(self):
            with self.client.get(
                random.choice(urls("cached")), name="cached page", catch_response=True
            ) as response:
                if response.headers.get("X-Page-Cache") != "hit":
                    response.failure("not a page cache hit")

    class StaticFileUser(FastHttpUser):
        """Only one static file, served by WhiteNoise from the same gunicorn."""

        wait_time = constant(0)

        @task
        def static(self):
            self.client.get(urls("static")[0], name="static file")


# --- the driver ---------------------------------------------------------------------------


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/bench_load",
        help="PostgreSQL database to build (default: %(default)s)",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="2m", help="locust's format: 2m, 90s")
    parser.add_argument("--ratio-run-time", default="30s", help="each side of phase 2")
    parser.add_argument("--wait", default="0.2-1.0", help="seconds between a client's requests")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--reuse", action="store_true", help="measure an existing database")
    parser.add_argument("--keep", action="store_true", help="keep what was built")
    return parser.parse_args(argv)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_env(database, static_root, redis_url, prefix, port, workers):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "ELASTICSEARCH"))}
    env.update(
        DJANGO_SETTINGS_MODULE="ik_cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database.url,
        MEDIA_ROOT=str(database.media_root),
        STATIC_ROOT=str(static_root),
        MEDIA_STORAGE="local",
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        PAGE_CACHE_SECONDS="300",
        # The contact form is not in the mix; the limit must not count benchmark clients.
        CONTACT_RATE_LIMIT="0",
        LOG_FORMAT="json",
        LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_MAX_REQUESTS="0",
    )
    return env


def collectstatic(env, static_root):
    if (static_root / "staticfiles.json").exists():
        return
    log("  collectstatic (WhiteNoise, compressed manifest) ...")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        env={**env, "DJANGO_SETTINGS_MODULE": "ik_cms.settings.base"},
        check=True,
    )
    log(f"  collectstatic: {time.perf_counter() - started:.1f} s")


def pick_urls(static_root):
    """The URLs of the mix, from the database (Django is set up by _support)."""
    from wagtail.models import Page

    from knowledge.models import CaseStudyPage

    pages = []
    for page in Page.objects.live().filter(depth__gte=2).specific().order_by("path")[:400]:
        url = page.get_url()
        if url and url.startswith("/"):
            pages.append(url)
    # Profiles of the municipalities that have content (the others answer 404).
    codes = (
        CaseStudyPage.objects.live()
        .exclude(municipality=None)
        .values_list("municipality__code", flat=True)
        .distinct()
    )
    pages += [f"/kommunen/{code}/" for code in sorted(set(codes))[:20]]
    page_ids = list(Page.objects.live().filter(depth__gte=3).values_list("pk", flat=True)[:20])
    searches = [f"/suche/?q={urllib.request.quote(q)}" for q in QUERIES]
    searches += [f"/en/search/?q={urllib.request.quote(q)}" for q in QUERIES[:4]]
    api = [f"/api/search/?q={urllib.request.quote(q)}" for q in QUERIES]
    api += [f"/api/search/suggest/?q={urllib.request.quote(q)}" for q in SUGGEST]
    api += ["/api/v2/pages/?limit=20", "/api/v2/pages/?type=knowledge.CaseStudyPage"]
    api += [f"/api/v2/pages/{pk}/" for pk in page_ids[:10]]
    feeds = [
        "/feeds/wissen.rss",
        "/feeds/wissen.atom",
        "/kalender/veranstaltungen.ics",
        "/daten/praxisbeispiele.json",
    ]
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    css = sorted(
        (name for name in manifest if name.startswith("css/") and name.endswith(".css")),
        key=lambda name: (static_root / manifest[name]).stat().st_size,
    )
    static = [f"/static/{manifest[css[-1]]}"]
    return {"pages": pages, "searches": searches, "api": api, "feeds": feeds, "static": static}


def check_urls(base, url_sets):
    """Each URL once (warms the page cache); drops page URLs that are not 200 pages
    (e.g. a redirect) and fails on any error elsewhere."""
    bad = []
    for kind, urls in url_sets.items():
        keep = []
        for url in urls:
            try:
                with urllib.request.urlopen(base + url, timeout=60) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            if status == 200:
                keep.append(url)
            else:
                bad.append(f"{status} {url}")
        url_sets[kind] = keep
    return bad


def cached_urls(base, pages):
    hits = []
    for url in pages:
        with urllib.request.urlopen(base + url, timeout=30) as response:
            body = response.read()
            if response.headers.get("X-Page-Cache") == "hit":
                hits.append((url, len(body)))
    return hits


def wait_for(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see its log")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def run_locust(base, user_class, users, spawn_rate, run_time, url_file, wait, csv_prefix):
    locust = shutil.which("locust", path=str(Path(sys.executable).parent)) or "locust"
    subprocess.run(
        [
            locust,
            "-f",
            str(Path(__file__).resolve()),
            user_class,
            "--headless",
            "--host",
            base,
            "--users",
            str(users),
            "--spawn-rate",
            str(spawn_rate),
            "--run-time",
            run_time,
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--stop-timeout",
            "5",
        ],
        env={**os.environ, "IK_LOAD_URLS": str(url_file), "IK_LOAD_WAIT": wait},
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        check=False,  # locust exits 1 when a request failed: we report the count
    )
    with open(f"{csv_prefix}_stats.csv", newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def row_figures(row):
    return {
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "rps": float(row["Requests/s"]),
        "p50": row["50%"],
        "p95": row["95%"],
        "p99": row["99%"],
    }


def print_table(title, rows):
    print(f"\n{title}")
    print(
        f"  {'':14} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7}"
    )
    for name, row in rows.items():
        f = row_figures(row)
        print(
            f"  {name:14} {f['requests']:>9} {f['errors']:>7} {f['rps']:>8.1f} {f['p50']:>7} "
            f"{f['p95']:>7} {f['p99']:>7}"
        )


def main(argv=None):
    args = parse_args(argv)
    if FastHttpUser is None:
        log("locust is not installed: .venv/bin/pip install -r bench/requirements.txt")
        return 2
    sys.path.insert(0, str(BENCH_DIR))
    from _support import build_demo, database_version, run_benchmark

    WORK_DIR.mkdir(parents=True, exist_ok=True)

    def measure(database, _figures):
        from django.db import connections

        static_root = WORK_DIR / f"static-{database.name}"
        prefix = f"ik-bench-load-{secrets.token_hex(4)}"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = site_env(database, static_root, args.redis_url, prefix, port, args.workers)
        collectstatic(env, static_root)
        url_sets = pick_urls(static_root)
        version = database_version()
        connections.close_all()
        gunicorn_log = WORK_DIR / "gunicorn.log"
        with open(gunicorn_log, "w") as log_file:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "ik_cms/gunicorn.conf.py"]
                + ["ik_cms.wsgi:application"],
                cwd=REPO,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_for(base, server)
            log(f"gunicorn on {base}, {args.workers} workers; checking the URLs ...")
            bad = check_urls(base, url_sets)
            for line in bad:
                log(f"  left out: {line}")
            hits = cached_urls(base, url_sets["pages"])
            url_sets["cached"] = [url for url, _size in hits]
            url_file = WORK_DIR / "urls.json"
            url_file.write_text(json.dumps(url_sets))
            counts = ", ".join(f"{len(v)} {k}" for k, v in url_sets.items())
            log(f"URLs: {counts}")

            log(f"Phase 1: {args.users} clients, {args.run_time}, mixed ...")
            mixed = run_locust(
                base,
                "MixedUser",
                args.users,
                args.spawn_rate,
                args.run_time,
                url_file,
                args.wait,
                WORK_DIR / "mixed",
            )
            log(f"Phase 2: {args.users} clients, {args.ratio_run_time} each, no waiting ...")
            cached = run_locust(
                base,
                "CachedPageUser",
                args.users,
                args.users,
                args.ratio_run_time,
                url_file,
                "0",
                WORK_DIR / "cached",
            )
            static = run_locust(
                base,
                "StaticFileUser",
                args.users,
                args.users,
                args.ratio_run_time,
                url_file,
                "0",
                WORK_DIR / "static",
            )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            purge_prefix(args.redis_url, prefix)

        server_errors = sum(
            1 for line in gunicorn_log.read_text().splitlines() if '"status": 5' in line
        )
        print(f"\nLoad on {version}, gunicorn {args.workers} workers, page cache in Redis")
        rows = {name: mixed[name] for name in ("page", "search", "api", "feed") if name in mixed}
        rows["all"] = mixed["Aggregated"]
        print_table(f"Phase 1: {args.users} clients for {args.run_time}, wait {args.wait} s", rows)
        total = row_figures(mixed["Aggregated"])
        print(
            f"  => {total['rps']:.1f} requests/s, p50 {total['p50']} ms, p95 {total['p95']} "
            f"ms, p99 {total['p99']} ms, {total['errors']} errors (target 0); 5xx in "
            f"gunicorn's access log: {server_errors}"
        )
        page_size = sum(size for _url, size in hits) / max(len(hits), 1)
        static_size = (static_root / url_sets["static"][0].removeprefix("/static/")).stat()
        print_table(
            f"Phase 2: {args.users} clients for {args.ratio_run_time} each, no waiting",
            {"cached page": cached["Aggregated"], "static file": static["Aggregated"]},
        )
        page_rps = row_figures(cached["Aggregated"])["rps"]
        static_rps = row_figures(static["Aggregated"])["rps"]
        ratio = page_rps / static_rps if static_rps else 0.0
        print(
            f"  => cached anonymous page / static file throughput: {ratio:.2f} (target >= 0.8); "
            f"{len(hits)} pages of {page_size / 1024:.0f} KiB on average, static file "
            f"{url_sets['static'][0]} of {static_size.st_size / 1024:.0f} KiB"
        )
        errors = total["errors"] + sum(
            row_figures(r["Aggregated"])["errors"] for r in (cached, static)
        )
        if errors:
            raise_failed(errors)

    return run_benchmark(args, WORK_DIR, lambda: build_demo(log), measure)


def raise_failed(errors):
    sys.path.insert(0, str(BENCH_DIR))
    from _support import RequestFailed

    raise RequestFailed(f"{errors} requests failed during the load (see the tables)")


def purge_prefix(redis_url, prefix):
    try:
        import redis

        client = redis.Redis.from_url(redis_url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
    except Exception as error:  # cleanup only
        log(f"could not remove the run's Redis keys: {error}")


if __name__ == "__main__":
    sys.exit(main())
