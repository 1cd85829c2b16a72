"""Time the demo site's pages against the floor of a minimal Django view, in one process.

Usage, from the repository root::

    .venv/bin/python bench/pages.py                      # throwaway SQLite database
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/bench_pages
    .venv/bin/python bench/pages.py --keep               # keep the database ...
    .venv/bin/python bench/pages.py --reuse              # ... and measure it again, no rebuild

Method
------
1. Database. By default a SQLite file in ``$TMPDIR/ik-bench-pages/`` is (re)built with
   ``migrate``, ``load_reference_data`` and ``load_demo_content``. ``--database-url``
   selects another database (PostgreSQL: it is created through the ``postgres``
   database). A database built by the run is removed at its end unless ``--keep``;
   ``--reuse`` measures an existing database as it is (building and keeping it if it
   is missing). An existing ``--database-url`` database is never rebuilt or dropped:
   without ``--reuse`` the script refuses to run on it.
2. Settings. ``ik_cms.settings.dev`` with ``DEBUG=false`` (so Django's cached template
   loader is on and no query log is kept), ``DATABASE_URL``/``MEDIA_ROOT`` pointing at
   the database above, ``ALLOWED_HOSTS=127.0.0.1``. ``DATABASE_CONN_MAX_AGE`` keeps its
   default (60 s, persistent connections), as in production.
3. Serving. Every request goes through one ``django.core.handlers.wsgi.WSGIHandler``
   (the whole middleware stack), called directly with a hand-built WSGI environ; the
   timed span is the handler call, joining the body and ``response.close()`` (which
   sends ``request_finished``), i.e. what a WSGI server waits for. Neither a socket nor
   Django's test ``Client`` (its template and signal instrumentation) is involved.
4. Targets. The German home page ``/``, a case study (one presented at an event, if
   any), a past event with an agenda (one with a recording, if any) and a recording
   with chapters and transcript, each addressed by the ``.url`` of the live page.
5. Floor. ``ROOT_URLCONF`` is replaced by a module ``bench_urls`` that puts
   ``__floor__/<size>/`` in front of the site's own URL patterns (outside
   ``i18n_patterns``, before Wagtail's catch-all). Its view returns an ``HttpResponse``
   of a pre-built string: the page's own HTML, captured once, so that the floor of each
   page has exactly the page's byte size and encoding cost. It runs through the same
   handler and middleware and makes no query: it is what any page costs at the least.
6. Measurement. Warm-up requests, then ``--requests`` rounds in which the targets are
   interleaved (page, its floor, next page, ...), so that the noise of the machine hits
   pages and floors alike. Per target: median and 90th percentile of
   ``time.perf_counter_ns``. The ratio is median page / median floor of the same run;
   the target is at most 3.0. Each page is timed twice per round: rendered (the page
   cache of ``home/page_cache.py`` switched off, ``PAGE_CACHE_SECONDS=0``) and as an
   anonymous visitor gets it (cache on: after the warm-up every such request is a hit,
   which the script checks through the ``X-Page-Cache`` header). The target applies to
   what visitors get; the rendered ratio shows what a cache miss costs. Each page's SQL
   query count is taken once more, outside
   the timed rounds, with ``CaptureQueriesContext`` (``--show-queries`` prints them).

   Interleaving matters for the floor: right after a page has run, it takes about
   twice as long as in a tight loop of floors alone (about 0.3 against 0.15 ms on the
   2-core development machine; colder CPU caches, most likely, as disabling or
   freezing the garbage collector changes nothing). The ratio uses the interleaved
   floor, the one a server with mixed traffic sees: the lenient choice for the pages.

Every response must be 200 and a floor must have its page's length; otherwise the
script stops with exit code 1. Being over the target does not fail the run: this is a
report (exit code 0).
"""

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

import _support
from _support import RequestFailed, build_demo, database_version, log, run_benchmark

WORK_DIR = Path(tempfile.gettempdir()) / "ik-bench-pages"
DEFAULT_SQLITE = WORK_DIR / "bench.sqlite3"
TARGET_RATIO = 3.0
FLOOR_ROUTE = "__floor__/<int:size>/"


@dataclass
class Target:
    label: str
    url: str
    size: int = 0
    queries: int = 0
    samples: list = field(default_factory=list)
    cached_samples: list = field(default_factory=list)
    floor_samples: list = field(default_factory=list)

    @property
    def floor_url(self):
        return f"/__floor__/{self.size}/"


# --- Command line and environment ----------------------------------------------------
def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Median time per request of the demo site's pages, as a ratio to the "
        "floor of a minimal Django view returning a string of the same size."
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=300,
        metavar="N",
        help="timed requests per page and per floor (default: 300)",
    )
    parser.add_argument(
        "--warmup", type=int, default=20, metavar="N", help="untimed requests first (default: 20)"
    )
    parser.add_argument(
        "--database-url",
        help=f"database to build and measure (default: SQLite file {DEFAULT_SQLITE})",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure an existing database as it is (build and keep it if missing)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database built by this run (for --reuse)"
    )
    parser.add_argument(
        "--show-queries", action="store_true", help="print the SQL of each page request"
    )
    args = parser.parse_args(argv)
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


# --- Pages and floors -------------------------------------------------------------------
def pick_targets():
    """The home page, a case study, a past event with agenda, a recording with transcript."""
    from django.db import DatabaseError
    from django.utils import timezone
    from wagtail.models import Site

    from events.models import EventPage, RecordingPage
    from knowledge.models import CaseStudyPage

    def german_live(model):
        return model.objects.live().filter(locale__language_code="de").order_by("path")

    try:
        home = Site.objects.get(is_default_site=True).root_page
    except (DatabaseError, Site.DoesNotExist) as error:
        raise SystemExit(f"No demo site in the database ({error}); run without --reuse.") from None
    case_study = (
        german_live(CaseStudyPage).filter(presented_in__isnull=False).distinct().first()
        or german_live(CaseStudyPage).first()
    )
    past_events = list(
        german_live(EventPage)
        .filter(end__lt=timezone.now(), agenda__isnull=False)
        .distinct()
        .order_by("-start")
    )
    recording = (
        german_live(RecordingPage)
        .filter(chapters__isnull=False, transcript__isnull=False)
        .distinct()
        .first()
    )
    with_recording = [
        event for event in past_events if RecordingPage.objects.live().child_of(event).exists()
    ]
    event = next(iter(with_recording or past_events), None)
    pages = [
        ("home", home),
        ("case study", case_study),
        ("event", event),
        ("recording", recording),
    ]
    missing = [label for label, page in pages if page is None]
    if missing:
        raise SystemExit(f"No live page found for: {', '.join(missing)}. Is the demo loaded?")
    return [Target(label, page.url) for label, page in pages]


def install_floor_urlconf(floors):
    """Route ``/__floor__/<size>/`` to a view returning ``floors[size]``, site URLs after."""
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    from ik_cms import urls as site_urls

    def floor_view(request, size):
        return HttpResponse(floors[size])

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [path(FLOOR_ROUTE, floor_view, name="bench_floor")]
    module.urlpatterns += site_urls.urlpatterns
    sys.modules["bench_urls"] = module
    settings.ROOT_URLCONF = "bench_urls"
    clear_url_caches()


# --- Serving ----------------------------------------------------------------------------
def serve(handler, url):
    return _support.serve(handler, url, user_agent="bench/pages.py")


def count_queries(handler, url, show=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        serve(handler, url)
    if show:
        print(f"\n-- {url}: {len(captured.captured_queries)} queries")
        for number, query in enumerate(captured.captured_queries, 1):
            print(f"{number:3d}. {query['sql']}")
    return len(captured.captured_queries)


def measure(handler, targets, rounds, warmup, progress):
    """Interleave rendered page, cached page and floor requests round-robin."""
    from django.conf import settings

    for round_number in range(warmup + rounds):
        timed = round_number >= warmup
        for target in targets:
            settings.PAGE_CACHE_SECONDS = 0
            elapsed, body, _headers = serve(handler, target.url)
            settings.PAGE_CACHE_SECONDS = 300
            cached_elapsed, cached_body, headers = serve(handler, target.url)
            floor_elapsed, floor_body, _headers = serve(handler, target.floor_url)
            sizes = {len(body), len(cached_body), len(floor_body)}
            if sizes != {target.size}:
                raise RequestFailed(f"{target.url}: sizes {sizes}, expected {target.size}")
            if timed and headers.get("X-Page-Cache") != "hit":
                raise RequestFailed(f"{target.url}: not served from the page cache")
            if timed:
                target.samples.append(elapsed)
                target.cached_samples.append(cached_elapsed)
                target.floor_samples.append(floor_elapsed)
        if timed and (round_number - warmup + 1) % 100 == 0:
            progress(f"  {round_number - warmup + 1}/{rounds} rounds")


# --- Report -----------------------------------------------------------------------------
def ms(nanoseconds):
    return nanoseconds / 1e6


def p90(samples):
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=10, method="inclusive")[-1]


def report(targets, database, rounds, warmup, elapsed):
    import django
    import wagtail

    vendor = database_version()
    print()
    print(
        f"Python {platform.python_version()}, Django {django.__version__}, "
        f"Wagtail {wagtail.__version__}; database: {vendor} ({database.describe()}); "
        f"DEBUG=False; {os.cpu_count()} CPUs"
    )
    print(
        f"{rounds} timed requests per page and per floor after {warmup} warm-up requests, "
        f"interleaved; measured in {elapsed:.0f} s"
    )
    header = (
        "page",
        "URL",
        "bytes",
        "queries",
        "rendered ms",
        "p90",
        "ratio",
        "cached ms",
        "p90",
        "ratio",
        "floor ms",
        "p90",
        f"cached <= {TARGET_RATIO:g}x",
    )
    rows = []
    for target in targets:
        page_median = statistics.median(target.samples)
        cached_median = statistics.median(target.cached_samples)
        floor_median = statistics.median(target.floor_samples)
        cached_ratio = cached_median / floor_median
        rows.append(
            (
                target.label,
                target.url,
                f"{target.size:,}",
                str(target.queries),
                f"{ms(page_median):.2f}",
                f"{ms(p90(target.samples)):.2f}",
                f"{page_median / floor_median:.1f}x",
                f"{ms(cached_median):.3f}",
                f"{ms(p90(target.cached_samples)):.3f}",
                f"{cached_ratio:.2f}x",
                f"{ms(floor_median):.3f}",
                f"{ms(p90(target.floor_samples)):.3f}",
                "ok" if cached_ratio <= TARGET_RATIO else "over target",
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = set(range(2, 12))

    def line(cells):
        return "  ".join(
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print()
    print(line(header))
    print(line(["-" * width for width in widths]))
    for row in rows:
        print(line(row))
    print()


# --- Main -------------------------------------------------------------------------------
def main(argv=None):
    args = parse_args(argv)

    def measure_pages(database, _figures):
        from django.conf import settings
        from django.core.handlers.wsgi import WSGIHandler

        targets = pick_targets()
        floors = {}
        install_floor_urlconf(floors)
        handler = WSGIHandler()
        settings.PAGE_CACHE_SECONDS = 0  # sizes and query counts of rendered pages
        for target in targets:
            _elapsed, body, _headers = serve(handler, target.url)
            target.size = len(body)
            floors[target.size] = body.decode()  # the page's own HTML: same byte size
            target.queries = count_queries(handler, target.url, show=args.show_queries)
        log(f"Measuring {len(targets)} pages and their floors, {args.requests} rounds ...")
        gc.collect()
        started = time.perf_counter()
        measure(handler, targets, args.requests, args.warmup, log)
        report(targets, database, args.requests, args.warmup, time.perf_counter() - started)

    return run_benchmark(args, WORK_DIR, lambda: build_demo(log), measure_pages)


if __name__ == "__main__":
    sys.exit(main())
