"""Search speed on 20,000 pages: the JSON search API against the bare full-text SQL query.

Usage, from the repository root::

    .venv/bin/python bench/search.py                     # throwaway SQLite database
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/bench_search
    .venv/bin/python bench/search.py --keep              # keep the database ...
    .venv/bin/python bench/search.py --reuse             # ... and measure it again, no rebuild

Method
------
1. Database. As ``pages.py`` (``_support.Database``): a SQLite file in
   ``$TMPDIR/ik-bench-search/`` or ``--database-url``, built with ``migrate``,
   ``load_reference_data`` and ``load_demo_content``, removed at the end unless
   ``--keep``; an existing ``--database-url`` database is only measured with ``--reuse``.
2. Corpus. Records are generated from the 471 texts of the Code for Germany corpus
   (``knowledge/data/corpus/``, CC BY 4.0): each record takes a window of one text's
   paragraphs, a sentence on its OZG-Leistung, a random Gemeinde (seeded, so every run
   builds the same corpus), one or two OZG-Leistungen with their Themenfelder, a date
   between 2015 and 2026; four in five are case studies, one in five learnings.
3. Import. The first ``--import-records`` (1,000) records are written as JSON Lines and
   imported with ``manage.py import_knowledge --publish`` (in-process, the command
   itself): validation, page, revision, publishing, search index. Timed as a whole; the
   target is under 60 seconds for 1,000 records.
4. The rest of the corpus, up to ``--pages`` (20,000) searchable pages in all (the demo's
   pages count), is inserted in bulk (rows of pages, their tree paths, Themenfelder and
   OZG-Leistungen, as the importer would leave them, without revisions) and indexed with
   the search backend's ``add_bulk``, as ``update_index`` does; timed separately. Then
   ``ANALYZE``, as PostgreSQL's autovacuum would run it after such a load (without
   table statistics its planner takes the fresh tables for nearly empty).
5. Queries. ``QUERIES``: 30 German queries (words, compounds, inflected forms, a typo,
   transliterated umlauts, two- and three-word queries), each asked without filters and
   with a filter set (Land, Themenfeld, type, year, OZG-Leistung): 60 requests to
   ``/api/search/?q=...`` (20 results and all facets), through Django's
   ``WSGIHandler`` with all middleware, ``DEBUG=False``.
6. Floor. For each query, the bare full-text SQL query for the same words on the same
   index: the query's analysed terms (``search.backends.query_groups``, computed once,
   outside the timing) as the backend's own match expression, the 20 best-ranked
   entries, on the same connection::

       PostgreSQL: SELECT object_id FROM modelsearch_indexentry
                   WHERE (title || body) @@ to_tsquery('simple', %s)
                   ORDER BY ts_rank(title || body, to_tsquery('simple', %s)) DESC LIMIT 20
       SQLite:     SELECT rowid FROM modelsearch_indexentry_fts
                   WHERE modelsearch_indexentry_fts MATCH %s ORDER BY rank LIMIT 20

   It is what any answer to the words costs at the least: no filter, no facet, no page
   row, no HTTP.
7. Measurement. ``--warmup`` untimed rounds, then ``--rounds`` rounds; in each round every
   query runs through the API and then as its floor, so that the machine's noise hits
   both alike. Reported: p50 and p95 over all timed requests, for all queries and split
   into with and without filters, and the ratio API / floor of each (p95 to p95).
   Targets: API p95 at most 3x the floor's p95 and under 150 ms on PostgreSQL.

Every API response must be 200 with a JSON body; otherwise the script stops with exit
code 1. Missing a target does not fail the run: this is a report (exit code 0).
"""

import argparse
import gc
import io
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from _support import REPO, build_demo, database_version, log, run_benchmark, serve

WORK_DIR = Path(tempfile.gettempdir()) / "ik-bench-search"
CORPUS = REPO / "knowledge/data/corpus/codefor_de_projekte_blog.jsonl"
SEED = 20261125
RESULTS_PER_PAGE = 20
TARGET_RATIO = 3.0
TARGET_P95_MS = 150.0
TARGET_IMPORT_SECONDS = 60.0

# (query, filters): every query is asked without filters and with its filter set.
QUERIES = [
    ("Baugenehmigung", {"land": ["09"]}),
    ("Baugenehmigungen", {"type": ["case_study"]}),
    ("Wohngeld", {"land": ["05", "06"]}),
    ("Wohngeldantrag", {"year": "2024"}),
    ("Radverkehr", {"themenfeld": ["mobilitat-und-reisen"]}),
    ("Radverkehrsnetz", {"land": ["08"]}),
    ("Buergeramt", {"type": ["case_study", "learning"]}),
    ("Strasse", {"land": ["11"]}),
    ("offene Daten", {"type": ["learning"]}),
    ("Open Data Portal", {"land": ["09", "08"]}),
    ("Transparenz", {"year": "2020"}),
    ("Luftqualität", {"themenfeld": ["umwelt"]}),
    ("Feinstaub Sensoren", {"land": ["08"]}),
    ("Haushalt", {"type": ["case_study"]}),
    ("Bürgerhaushalt", {"land": ["05"]}),
    ("Karte", {"year": "2022"}),
    ("Spielplätze", {"land": ["03"]}),
    ("Nahverkehr Fahrplan", {"themenfeld": ["mobilitat-und-reisen"]}),
    ("Schule", {"themenfeld": ["familie-und-kind"]}),
    ("Kita Platz", {"type": ["case_study"]}),
    ("Ehrenamt", {"land": ["14"]}),
    ("Hackathon", {"type": ["learning"]}),
    ("Digitalisierung Verwaltung", {"land": ["09"]}),
    ("Beteiligung", {"year": "2019"}),
    ("Abfallkalender", {"land": ["06"]}),
    ("Parkplatz", {"ozg": ["10173"]}),
    ("Anwohnerparkausweis", {"type": ["case_study"]}),
    ("Trinkwasser", {"land": ["12"]}),
    ("Digitalisierumg", {"type": ["case_study"]}),  # one-letter typo
    ("Gewerbe anmelden", {"land": ["09"], "type": ["case_study"]}),
]


# --- Command line -----------------------------------------------------------------------
def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="p50/p95 of the JSON search API on a generated corpus, against the "
        "bare full-text SQL query for the same words."
    )
    parser.add_argument("--database-url", help="database to build and measure (default: SQLite)")
    parser.add_argument(
        "--pages",
        type=int,
        default=20_000,
        metavar="N",
        help="searchable pages in all (default: 20000)",
    )
    parser.add_argument(
        "--import-records",
        type=int,
        default=1_000,
        metavar="N",
        help="records imported with import_knowledge, timed (default: 1000)",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, metavar="N", help="timed rounds (default: 5)"
    )
    parser.add_argument(
        "--warmup", type=int, default=1, metavar="N", help="untimed rounds first (default: 1)"
    )
    parser.add_argument("--reuse", action="store_true", help="measure an existing database")
    parser.add_argument("--keep", action="store_true", help="keep the database built by this run")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.warmup < 0 or args.pages < 1 or args.import_records < 0:
        parser.error("--rounds and --pages must be at least 1, the others at least 0")
    return args


# --- Corpus -----------------------------------------------------------------------------
def corpus_texts():
    """(title, paragraphs) of the corpus texts with at least two paragraphs."""
    texts = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", row["text"]) if p.strip()]
            if row["title"] and len(paragraphs) >= 2:
                texts.append((row["title"].strip(), paragraphs))
    return texts


def generate_records(count):
    """``count`` import records (dicts in the import format), the same on every run."""
    from knowledge.models import Leistung, Region

    rng = random.Random(SEED)
    texts = corpus_texts()
    gemeinden = list(
        Region.objects.filter(level=Region.Level.GEMEINDE)
        .order_by("code")
        .values_list("code", "short_name")
    )
    leistungen = list(
        Leistung.objects.order_by("ozg_id").values_list("ozg_id", "name", "themenfeld__slug")
    )
    records = []
    for number in range(count):
        title, paragraphs = texts[number % len(texts)]
        ags, place = rng.choice(gemeinden)
        chosen = rng.sample(leistungen, rng.choice((1, 1, 2)))
        first = rng.randrange(len(paragraphs))
        window = paragraphs[first : first + rng.randint(2, 6)] or paragraphs[:2]
        kind = "learning" if number % 5 == 4 else "case_study"
        names = " und ".join(f"„{name}“" for _, name, _ in chosen)
        body = "\n\n".join([*window, f"In {place} betrifft das Projekt die OZG-Leistung {names}."])
        year = rng.randint(2015, 2026)
        records.append(
            {
                "key": f"bench-{number:06d}",
                "type": kind,
                "title": f"{title} ({place})"[:255],
                "summary": window[0][:300],
                "body": body,
                "municipality_ags": ags,
                "ozg_ids": [ozg_id for ozg_id, _, _ in chosen] if kind == "case_study" else [],
                "themenfelder": sorted({slug for _, _, slug in chosen}),
                "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "source_url": "https://codefor.de/",
                "license": "CC BY 4.0, Code for Germany",
                "locale": "de",
            }
        )
    return records


def import_records(records):
    """``import_knowledge --publish`` on the records; returns seconds."""
    from django.core.management import call_command

    path = WORK_DIR / "import.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        call_command("import_knowledge", str(path), publish=True, stdout=out, stderr=err)
    except SystemExit as exit_:
        if exit_.code:
            raise RuntimeError(f"import_knowledge failed: {err.getvalue()[:2000]}") from None
    elapsed = time.perf_counter() - started
    path.unlink()
    return elapsed, out.getvalue().strip()


def bulk_insert(records):
    """Pages for ``records`` as rows, the way the importer leaves them; returns pages."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from knowledge.importer import TYPES, index_page_for
    from knowledge.markdown import markdown_to_rich_text
    from knowledge.models import CaseStudyLeistung, Region, Themenfeld

    locale = Locale.objects.get(language_code="de")
    parent = index_page_for(locale)
    regions = {
        r.code: r for r in Region.objects.filter(code__in={r["municipality_ags"] for r in records})
    }
    themen = dict(Themenfeld.objects.values_list("slug", "pk"))
    content_types = ContentType.objects.get_for_models(*TYPES.values())
    created = {model: [] for model in TYPES.values()}
    step = parent.numchild
    with transaction.atomic():
        for chunk_start in range(0, len(records), 500):
            chunk = records[chunk_start : chunk_start + 500]
            objects = []
            for record in chunk:
                step += 1
                model = TYPES[record["type"]]
                region = regions[record["municipality_ags"]]
                published = timezone.make_aware(
                    timezone.datetime.fromisoformat(record["published"] + "T12:00")
                )
                slug = f"{record['key']}"
                objects.append(
                    model(
                        title=record["title"],
                        draft_title=record["title"],
                        slug=slug,
                        path=Page._get_path(parent.path, parent.depth + 1, step),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type=content_types[model],
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        teaser_text=record["summary"],
                        body=[
                            {
                                "type": "paragraph",
                                "value": markdown_to_rich_text(record["body"], record["title"]),
                            }
                        ],
                        municipality=region,
                        land_id=region.land_id,
                        kreis_id=region.kreis_id,
                        source_url=record["source_url"],
                        source_license=record["license"],
                        import_key=record["key"],
                    )
                )
            base_fields = Page._meta.local_concrete_fields
            rows = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(o, f.attname) for f in base_fields}) for o in objects]
            )
            for obj, row in zip(objects, rows, strict=True):
                obj.pk = obj.id = obj.page_ptr_id = row.pk
            for model in TYPES.values():
                mine = [o for o in objects if type(o) is model]
                if mine:
                    model._base_manager._insert(mine, fields=model._meta.local_concrete_fields)
                    created[model].extend(mine)
            for model in TYPES.values():
                through = model.themenfelder.through
                column = f"{model._meta.model_name}_id"
                through.objects.bulk_create(
                    through(**{column: o.pk, "themenfeld_id": themen[slug]})
                    for o, record in zip(objects, chunk, strict=True)
                    if type(o) is model
                    for slug in record["themenfelder"]
                )
            CaseStudyLeistung.objects.bulk_create(
                CaseStudyLeistung(page_id=o.pk, leistung_id=ozg_id, sort_order=n)
                for o, record in zip(objects, chunk, strict=True)
                for n, ozg_id in enumerate(record["ozg_ids"])
            )
        Page.objects.filter(pk=parent.pk).update(numchild=step)
    return created


def index_bulk(created):
    """Index the bulk-inserted pages as ``update_index`` does; returns seconds."""
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    started = time.perf_counter()
    for model, objects in created.items():
        ids = [o.pk for o in objects]
        for chunk_start in range(0, len(ids), 1000):
            chunk = model.get_indexed_objects().filter(pk__in=ids[chunk_start : chunk_start + 1000])
            backend.add_bulk(model, list(chunk))
    return time.perf_counter() - started


def searchable_pages():
    from wagtail.models import Page

    from search.query import TYPES

    return Page.objects.live().type(*TYPES.values()).filter(locale__language_code="de").count()


def build(args):
    build_demo(log)
    figures = {}
    demo = searchable_pages()
    wanted = max(args.pages - demo, 0)
    imported = min(args.import_records, wanted)
    records = generate_records(wanted)
    if imported:
        log(f"  import_knowledge --publish: {imported:,} records ...")
        seconds, summary = import_records(records[:imported])
        figures["import"] = (imported, seconds, summary)
        log(f"    {seconds:.1f} s ({summary})")
    rest = records[imported:]
    if rest:
        log(f"  bulk insert of {len(rest):,} pages ...")
        started = time.perf_counter()
        created = bulk_insert(rest)
        inserted = time.perf_counter() - started
        log(f"    {inserted:.1f} s; indexing them ...")
        indexed = index_bulk(created)
        figures["bulk"] = (len(rest), inserted, indexed)
        log(f"    {indexed:.1f} s")
    # Table statistics, as autovacuum (PostgreSQL) would have gathered them after such a
    # load: without them the planner takes the fresh tables for nearly empty.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return figures


# --- Floor ------------------------------------------------------------------------------
def floor_statement(text):
    """(SQL, params) of the bare full-text query for ``text`` on the default database."""
    from django.db import connection

    from search.backends import (
        IndexEntry,
        fts5_expression,
        query_groups,
        tsquery_expression,
    )

    groups = query_groups(text, "default")
    table = IndexEntry._meta.db_table
    if connection.vendor == "postgresql":
        expression = tsquery_expression(groups)
        sql = (
            f"SELECT object_id FROM {table} "  # noqa: S608
            "WHERE (title || body) @@ to_tsquery('simple', %s) "
            "ORDER BY ts_rank(title || body, to_tsquery('simple', %s)) DESC LIMIT %s"
        )
        return sql, [expression, expression, RESULTS_PER_PAGE]
    expression = fts5_expression(groups)
    sql = (
        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s "  # noqa: S608
        "ORDER BY rank LIMIT %s"
    )
    return sql, [expression, RESULTS_PER_PAGE]


def run_floor(statement):
    """One floor query on the default connection (a fresh cursor: the handler's
    ``request_finished`` may have closed the connection after CONN_MAX_AGE)."""
    from django.db import connection

    sql, params = statement
    with connection.cursor() as cursor:
        started = time.perf_counter_ns()
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        elapsed = time.perf_counter_ns() - started
    return elapsed, len(rows)


# --- Measurement ------------------------------------------------------------------------
def api_url(text, filters):
    params = [("q", text), ("page_size", RESULTS_PER_PAGE), ("lang", "de")]
    for name, value in filters.items():
        for item in value if isinstance(value, list) else [value]:
            params.append((name, item))
    return "/api/search/?" + urlencode(params)


def measure(args):
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    cases = []
    for text, filters in QUERIES:
        for with_filters in (False, True):
            cases.append(
                {
                    "text": text,
                    "filtered": with_filters,
                    "url": api_url(text, filters if with_filters else {}),
                    "api": [],
                    "floor": [],
                }
            )
    # The typo vocabulary is read once per process: let it load before the floors.
    serve(handler, cases[0]["url"], "bench/search.py", "application/json")
    for case in cases:
        case["statement"] = floor_statement(case["text"])
    gc.collect()
    started = time.perf_counter()
    for round_number in range(args.warmup + args.rounds):
        timed = round_number >= args.warmup
        for case in cases:
            elapsed, body, _headers = serve(
                handler, case["url"], "bench/search.py", "application/json"
            )
            answer = json.loads(body)
            floor_elapsed, _rows = run_floor(case["statement"])
            if timed:
                case["api"].append(elapsed)
                case["floor"].append(floor_elapsed)
                case["count"] = answer["count"]
        log(f"  round {round_number + 1}/{args.warmup + args.rounds}")
    return cases, time.perf_counter() - started


# --- Report -----------------------------------------------------------------------------
def percentile(samples, p):
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[p - 1]


def report(args, database, figures, cases, elapsed):
    import django
    import wagtail
    from django.db import connection

    pages = searchable_pages()
    print()
    print(
        f"Python {platform.python_version()}, Django {django.__version__}, Wagtail "
        f"{wagtail.__version__}; database: {database_version()} ({database.describe()}); "
        f"DEBUG=False; {os.cpu_count()} CPUs; {pages:,} searchable pages (de)"
    )
    if "import" in figures:
        count, seconds, summary = figures["import"]
        per_thousand = seconds / count * 1000
        verdict = "ok" if per_thousand < TARGET_IMPORT_SECONDS else "over target"
        print(
            f"import_knowledge --publish of {count:,} records: {seconds:.1f} s "
            f"({seconds / count * 1000:.0f} ms per record; {per_thousand:.1f} s per 1,000, "
            f"target < {TARGET_IMPORT_SECONDS:.0f} s: {verdict}) [{summary}]"
        )
    if "bulk" in figures:
        count, inserted, indexed = figures["bulk"]
        print(
            f"bulk insert of {count:,} further pages: {inserted:.1f} s; indexing them: "
            f"{indexed:.1f} s"
        )
    print(
        f"{len(cases)} requests ({len(QUERIES)} queries, each without and with filters), "
        f"{args.rounds} timed rounds after {args.warmup} warm-up; measured in {elapsed:.0f} s"
    )
    print()
    header = ("requests", "n", "API p50 ms", "API p95 ms", "floor p50", "floor p95", "p95 ratio")
    rows = []
    for label, selected in (
        ("all", cases),
        ("without filters", [c for c in cases if not c["filtered"]]),
        ("with filters", [c for c in cases if c["filtered"]]),
    ):
        api = [s / 1e6 for c in selected for s in c["api"]]
        floor = [s / 1e6 for c in selected for s in c["floor"]]
        rows.append(
            (
                label,
                str(len(api)),
                f"{percentile(api, 50):.1f}",
                f"{percentile(api, 95):.1f}",
                f"{percentile(floor, 50):.2f}",
                f"{percentile(floor, 95):.2f}",
                f"{percentile(api, 95) / percentile(floor, 95):.1f}x",
            )
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = enumerate(zip(row, widths, strict=True))
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in cells))
    api_all = [s / 1e6 for c in cases for s in c["api"]]
    floor_all = [s / 1e6 for c in cases for s in c["floor"]]
    ratio = percentile(api_all, 95) / percentile(floor_all, 95)
    print()
    print(
        f"target: API p95 <= {TARGET_RATIO:g}x floor p95: {ratio:.1f}x "
        f"{'ok' if ratio <= TARGET_RATIO else 'over target'}"
    )
    if connection.vendor == "postgresql":
        p95 = percentile(api_all, 95)
        print(
            f"target: API p95 < {TARGET_P95_MS:.0f} ms on PostgreSQL: {p95:.1f} ms "
            f"{'ok' if p95 < TARGET_P95_MS else 'over target'}"
        )
    print()
    print("slowest queries (API p50 ms, floor p50 ms, results):")
    for case in sorted(cases, key=lambda c: -statistics.median(c["api"]))[:8]:
        print(
            f"  {statistics.median(case['api']) / 1e6:7.1f}  "
            f"{statistics.median(case['floor']) / 1e6:6.2f}  {case['count']:6,}  {case['url']}"
        )
    print()


# --- Main -------------------------------------------------------------------------------
def main(argv=None):
    args = parse_args(argv)

    def measure_search(database, figures):
        log(f"Measuring {len(QUERIES) * 2} requests, {args.rounds} rounds ...")
        cases, elapsed = measure(args)
        report(args, database, figures or {}, cases, elapsed)

    return run_benchmark(args, WORK_DIR, lambda: build(args), measure_search)


if __name__ == "__main__":
    sys.exit(main())
