"""Nothing a client sends causes a 500 (issue 7, point 3).

Hypothesis generates requests, valid and hostile, to the search API and its suggest
endpoint (parameters read from the OpenAPI schema), the search page in both languages,
the contact form, the municipality profiles, the feeds, the open data exports, Wagtail's
page API and pages asked for with odd headers. Every answer must be below 500, and a
4xx must say what is wrong: JSON with ``errors``/``message``/``detail`` from an API, an
HTML page with a heading and an explanation otherwise.

All requests are counted; the last test fails unless at least ``ROBUSTNESS_REQUESTS``
(default 10,000) were sent in this run. The examples are derandomized (a fixed seed, so
CI is reproducible); ``HYPOTHESIS_PROFILE=explore`` draws random ones, twice as many.
"""

import csv
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.template import TemplateDoesNotExist, loader
from django.test import Client
from django.utils.text import slugify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.api import api
from search.forms import TYPE_CHOICES
from tests.conftest import build_site_root, fresh, module_transaction
from tests.search.conftest import build_pages

TOTAL = int(os.environ.get("ROBUSTNESS_REQUESTS", "10000"))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 2 if PROFILE == "explore" else 1

#: Share of the requests per target (each example sends one request unless noted).
SHARES = {
    "api_search": 0.24,
    "api_suggest": 0.10,
    "search_page": 0.16,
    "contact": 0.12,
    "paths": 0.14,
    "open_data": 0.04,
    "api_v2": 0.14,
    "headers": 0.06,
}
SENT = {"count": 0}


def examples(target, per_example=1):
    return max(10, round(TOTAL * SHARES[target] * SCALE / per_example) + 1)


def robust(target, per_example=1):
    return settings(
        max_examples=examples(target, per_example),
        deadline=None,
        database=None,
        derandomize=PROFILE != "explore",
        print_blob=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


# --- the checks -------------------------------------------------------------------


def _json(response):
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def has_message(response, kind):
    """A 4xx says what is wrong."""
    if response.status_code == 405:
        return bool(response.get("Allow"))
    content_type = response.get("Content-Type", "")
    if "json" in content_type or (kind == "json" and "html" not in content_type):
        data = _json(response)
        if not isinstance(data, dict):
            return False
        errors = data.get("errors")
        if errors:
            return all(isinstance(e, dict) and str(e.get("message") or "").strip() for e in errors)
        return bool(str(data.get("message") or data.get("detail") or "").strip())
    html = BeautifulSoup(response.content, "html.parser")
    heading = html.find(["h1", "h2"])
    return bool(heading and heading.get_text(strip=True)) and len(html.get_text(strip=True)) > 20


def has_template(name):
    try:
        loader.get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def check(response, kind="html", what="", bare_400=False):
    """``bare_400``: Django's own 400 page (a Host header it refuses) is accepted until
    the site has a ``400.html`` template."""
    SENT["count"] += 1
    status = response.status_code
    assert status < 500, (status, what)
    assert status >= 200, (status, what)
    if status == 400 and bare_400 and not has_template("400.html"):
        return response
    if status >= 400:
        assert has_message(response, kind), (status, what, response.content[:500])
    return response


# --- generated values -------------------------------------------------------------

LAND = [f"{n:02d}" for n in range(1, 17)]
KREIS = ["09162", "09761", "08111", "08115", "05315", "11000"]
AGS = ["09162000", "09761000", "08111000", "08115021", "05315000", "11000000"]
THEMENFELDER = [
    slugify(row["themenfeld"].replace("&", "und"))
    for row in csv.DictReader(
        (Path(__file__).parent.parent / "knowledge/data/ozg/ozg_themenfelder.csv").open(
            encoding="utf-8"
        )
    )
]
OZG = ["10000", "10519", "10019", "10001"]
TYPES = [key for key, _label in TYPE_CHOICES]
STATUS = ["idee", "pilot", "betrieb", "ausgerollt"]
WORDS = ["Bauantrag", "Elterngeld", "Buergeramt", "Kita", "Digitaltag", "München", "Wohngeld"]

JUNK = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "<script>alert(1)</script>",
    "%",
    "%%",
    "_",
    "*",
    '"',
    "\\",
    "NEAR(",
    "AND OR NOT",
    "../../etc/passwd",
    "${jndi:ldap://x}",
    "🙂",
    "٠٩",
    "Ⅻ",
    "\u202e",
    "\ufeff",
    "NaN",
    "Infinity",
    "1e309",
    "0x10",
    "-0",
    "+1",
    "1.5",
    "９",
    "null",
    "[]",
    "{}",
    "true",
]
# Characters that UTF-8 can encode (no lone surrogates).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
hostile = st.one_of(
    st.sampled_from(JUNK),
    text,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=150, max_value=20_000).map(lambda n: "x" * n),
    st.floats().map(str),
)
VALID = {
    "q": st.one_of(
        st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join)
    ),
    "land": st.sampled_from(LAND),
    "kreis": st.sampled_from(KREIS),
    "ags": st.sampled_from(AGS),
    "themenfeld": st.sampled_from(THEMENFELDER),
    "ozg": st.sampled_from(OZG),
    "type": st.sampled_from(TYPES),
    "status": st.sampled_from(STATUS),
    "year": st.integers(min_value=1900, max_value=2100).map(str),
    "sort": st.sampled_from(["relevance", "date"]),
    "page": st.integers(min_value=1, max_value=10_000).map(str),
    "page_size": st.integers(min_value=1, max_value=100).map(str),
    "lang": st.sampled_from(["de", "en"]),
}


def schema_parameters(path):
    schema = api.get_openapi_schema(path_prefix="/api/")
    return [p["name"] for p in schema["paths"][path]["get"]["parameters"]]


SEARCH_PARAMETERS = schema_parameters("/api/search/")
SUGGEST_PARAMETERS = schema_parameters("/api/search/suggest/")


def value_for(name):
    return st.one_of(VALID.get(name, hostile), hostile) if name in VALID else hostile


def encode(pairs, raw):
    """A query string; ``raw`` pieces are appended as they are (percent-encoding junk)."""
    parts = [f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs]
    return "&".join(parts + raw)


RAW = st.sampled_from(
    ["%FF", "q=%", "q=%zz", "land=%C0%AF", "&&", "=", "==x", "q", "%00=%00", "page=%2D1", "ä=ö"]
)


def query_strings(names, valid_only_chance=True):
    """Pairs of (name, value) for the given parameter names, valid or hostile values,
    names repeated, unknown names, and raw junk."""
    pair = st.one_of(
        st.sampled_from(names).flatmap(lambda n: st.tuples(st.just(n), value_for(n))),
        st.tuples(st.sampled_from(names), hostile),
        st.tuples(text, hostile),
    )
    return st.tuples(
        st.lists(pair, max_size=8),
        st.lists(RAW, max_size=2),
    ).map(lambda t: encode(*t))


def valid_queries(names):
    """Only valid values: the searches a real visitor makes (each really runs)."""
    return st.lists(
        st.sampled_from([n for n in names if n in VALID]).flatmap(
            lambda n: st.tuples(st.just(n), VALID[n])
        ),
        max_size=5,
    ).map(lambda pairs: encode(pairs, []))


# --- the shared corpus ------------------------------------------------------------


@pytest.fixture(scope="module")
def robustness_corpus(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        root = build_site_root()
        yield build_pages(root)


@pytest.fixture
def pages(robustness_corpus, db, settings):
    settings.CONTACT_RATE_LIMIT = 0  # the limit would hide the form's answers
    cache.clear()
    return fresh(robustness_corpus)


# --- the search API ---------------------------------------------------------------


def test_schema_parameters_are_all_generated():
    assert set(SEARCH_PARAMETERS) == set(VALID)
    assert set(SUGGEST_PARAMETERS) <= set(VALID)


@robust("api_search")
@given(qs=st.one_of(valid_queries(SEARCH_PARAMETERS), query_strings(SEARCH_PARAMETERS)))
def test_search_api(client, pages, qs):
    response = check(client.get(f"/api/search/?{qs}"), "json", qs)
    if response.status_code == 200:
        assert set(response.json()) >= {"count", "results", "facets"}
    else:
        assert response.status_code == 400, qs


@robust("api_suggest")
@given(
    qs=st.one_of(
        st.tuples(st.sampled_from(WORDS).map(lambda w: w[:4]), st.sampled_from(["de", "en"])).map(
            lambda t: encode([("q", t[0]), ("lang", t[1])], [])
        ),
        query_strings(SUGGEST_PARAMETERS),
    ),
    language=st.sampled_from(["", "de", "en", "fr", "x" * 300, "de-DE,de;q=0.9", ";;q=x"]),
)
def test_suggest_api(client, pages, qs, language):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = check(client.get(f"/api/search/suggest/?{qs}", **headers), "json", qs)
    assert response.status_code in (200, 400), qs


# --- the search page --------------------------------------------------------------


@robust("search_page")
@given(
    prefix=st.sampled_from(["/suche/", "/en/search/"]),
    qs=st.one_of(valid_queries(SEARCH_PARAMETERS), query_strings(SEARCH_PARAMETERS)),
)
def test_search_page(client, pages, prefix, qs):
    response = check(client.get(f"{prefix}?{qs}"), "html", qs)
    assert response.status_code in (200, 400), qs
    if response.status_code == 400:
        html = BeautifulSoup(response.content, "html.parser")
        assert "(parameter" in html.get_text(" ", strip=True).lower(), qs


def test_bad_parameters_are_named_by_their_label(client, pages):
    """The regression of the raw names ("themenfeld (Parameter themenfeld)")."""
    for params, label in (
        ({"themenfeld": "x"}, "Themenfeld"),
        ({"year": "abc"}, "Jahr"),
        ({"type": "x"}, "Art"),
        ({"page": "0"}, "Seite"),
    ):
        text = BeautifulSoup(client.get("/suche/", params).content, "html.parser").get_text(
            " ", strip=True
        )
        assert f"{label} (Parameter" in text, (params, text[:300])
        errors = client.get("/api/search/", params).json()["errors"]
        assert errors[0]["label"] == label
    errors = client.get("/api/search/", {"year": "abc", "lang": "en"}).json()["errors"]
    assert errors[0]["label"] == "Year"


# --- the contact form -------------------------------------------------------------

CONTACT_FIELDS = ["name", "organisation", "email", "message", "consent", "website"]
GOOD = {
    "name": "Max Mustermann",
    "organisation": "Stadt Musterstadt",
    "email": "max@musterstadt.example",
    "message": "Wir möchten den digitalen Bauantrag gern nachnutzen.",
    "consent": "on",
    "website": "",
}


@st.composite
def contact_posts(draw):
    data = {}
    for name in CONTACT_FIELDS:
        choice = draw(st.sampled_from(["good", "good", "hostile", "missing"]))
        if choice == "good":
            data[name] = GOOD[name]
        elif choice == "hostile":
            data[name] = draw(hostile)
    for _i in range(draw(st.integers(min_value=0, max_value=2))):
        data[draw(text)] = draw(hostile)
    return data


@robust("contact")
@given(
    data=contact_posts(), english=st.booleans(), junk_id=st.sampled_from([None, "0", "99999999"])
)
def test_contact_form(client, pages, data, english, junk_id):
    page_id = junk_id or pages["cs_muc"].pk
    url = f"{'/en' if english else ''}/kontakt/{page_id}/"
    response = check(client.post(url, data), "html", data)
    if junk_id:
        assert response.status_code == 404
    else:
        assert response.status_code in (200, 302), data


def test_contact_form_without_csrf_token_is_403(pages):
    client = Client(enforce_csrf_checks=True)
    url = f"/kontakt/{pages['cs_muc'].pk}/"
    for data in ({}, GOOD, {**GOOD, "csrfmiddlewaretoken": "x" * 64}, {"website": "spam"}):
        response = check(client.post(url, data), "html", data)
        assert response.status_code == 403
    assert check(client.get(url)).status_code == 200
    for method in ("put", "delete", "patch"):
        assert check(getattr(client, method)(url)).status_code in (403, 405)


def test_rate_limited_contact_form_says_so(client, pages, settings):
    settings.CONTACT_RATE_LIMIT = 1
    url = f"/kontakt/{pages['cs_muc'].pk}/"
    assert check(client.post(url, GOOD)).status_code == 302
    for data in (GOOD, {}, {"website": "spam"}):
        response = check(client.post(url, data), "html", data)
        assert response.status_code == 429 and response["Retry-After"]


# --- paths with junk: profiles, feeds ---------------------------------------------

path_junk = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "00000000",
            "99999999",
            "08111",
            "08111000",
            "09162",
            "%00",
            "%FF",
            "..",
            "%2e%2e",
            "ä",
            "-1",
            "1" * 20,
            "1" * 21,
            "a%20b",
            "%25",
        ]
    ),
    text.map(lambda t: quote(t, safe="")),
)


@robust("paths")
@given(
    template=st.sampled_from(
        [
            "/kommunen/{}/",
            "/en/kommunen/{}/",
            "/feeds/land/{}.rss",
            "/feeds/land/{}.atom",
            "/en/feeds/land/{}.rss",
            "/feeds/themenfeld/{}.atom",
            "/feeds/themenfeld/{}.rss",
            "/en/feeds/themenfeld/{}.atom",
            "/kalender/veranstaltung/{}.ics",
            "/kalender/reihe/{}.ics",
            "/kontakt/{}/",
            "/kontakt/{}/danke/",
        ]
    ),
    segment=path_junk,
    query=st.one_of(st.just(""), query_strings(["zustellung", "page", "q"])),
)
def test_junk_paths(client, pages, template, segment, query):
    url = template.format(segment) + (f"?{query}" if query else "")
    response = check(client.get(url), "html", url)
    assert response.status_code in (200, 301, 302, 404), url


@robust("open_data")
@given(
    path=st.sampled_from(
        [
            "/daten/praxisbeispiele.csv",
            "/daten/praxisbeispiele.json",
            "/en/daten/praxisbeispiele.json",
            "/feeds/wissen.rss",
            "/feeds/",
            "/kommunen/",
            "/kalender/veranstaltungen.ics",
        ]
    ),
    query=query_strings(["format", "land", "page", "limit", "lang", "q"]),
)
def test_open_data_with_junk_query_strings(client, pages, path, query):
    response = check(client.get(f"{path}?{query}"), "html", query)
    assert response.status_code == 200, (path, query)


# --- Wagtail's page API -----------------------------------------------------------

V2_VALID = {
    "fields": st.lists(
        st.sampled_from(
            [
                "title",
                "*",
                "-title",
                "_",
                "teaser_text",
                "municipality",
                "body",
                "themenfelder",
                "contact_person",
                "owner",
                "url",
                "html_url",
            ]
        ),
        max_size=4,
    ).map(",".join),
    "type": st.sampled_from(
        [
            "knowledge.CaseStudyPage",
            "events.EventPage",
            "wagtailcore.Page",
            "home.HomePage",
            "knowledge.Person",
            "auth.User",
            "x.Y",
            "nodot",
        ]
    ),
    "limit": st.integers(min_value=-5, max_value=10**6).map(str),
    "offset": st.integers(min_value=-5, max_value=10**6).map(str),
    "order": st.sampled_from(["title", "-title", "id", "random", "-first_published_at", "nope"]),
    "search": st.sampled_from(WORDS),
    "locale": st.sampled_from(["de", "en", "fr"]),
    "search_operator": st.sampled_from(["and", "or", "xor"]),
    "child_of": st.integers(min_value=-1, max_value=10**12).map(str),
    "descendant_of": st.integers(min_value=-1, max_value=10**12).map(str),
    "translation_of": st.integers(min_value=-1, max_value=10**12).map(str),
    "title": st.sampled_from(WORDS),
    "slug": st.sampled_from(["wissen", "x"]),
    "id": st.sampled_from(["1", "abc", "-1", "9" * 25, ""]),
    "html_path": st.sampled_from(["/", "/wissen/", "/nope/", "//", "%00"]),
    "ancestor_of": st.integers(min_value=-1, max_value=10**12).map(str),
}


@robust("api_v2")
@given(
    pairs=st.lists(
        st.sampled_from(sorted(V2_VALID)).flatmap(
            lambda n: st.tuples(st.just(n), st.one_of(V2_VALID[n], V2_VALID[n], hostile))
        ),
        max_size=5,
    ),
    raw=st.lists(RAW, max_size=1),
    detail=st.sampled_from(
        ["", "", "", "", "0/", "99999999/", "2147483648/", "9" * 25 + "/", "abc/", "find/"]
    ),
)
def test_pages_api(client, pages, pairs, raw, detail):
    qs = encode(pairs, raw)
    response = check(client.get(f"/api/v2/pages/{detail}?{qs}"), "json", qs)
    assert response.status_code in (200, 302, 400, 404), qs


# --- odd headers ------------------------------------------------------------------


@robust("headers")
@given(
    path=st.sampled_from(
        [
            "/",
            "/en/",
            "/suche/?q=Kita",
            "/api/search/?q=Kita",
            "/wissen/",
            "/api/search/suggest/?q=Ki",
            "/kommunen/09162000/",
        ]
    ),
    accept_language=st.one_of(
        st.sampled_from(
            ["de", "en-US,en;q=0.5", "*", "xx", "de;q=abc", ",,,", "en;q=-1", "zh-Hant-TW"]
        ),
        text,
        st.integers(min_value=100, max_value=5000).map(lambda n: "de," * n),
    ),
    host=st.sampled_from(
        [
            None,
            None,
            "localhost",
            "example.org",
            "bad host",
            "[::1]",
            "a" * 300,
            "localhost:99999",
            "localhost:abc",
            "ä.example",
            "..",
            "-",
        ]
    ),
    accept=st.sampled_from([None, "*/*", "application/json", "text/html;q=0.1", "\x00", "junk"]),
)
def test_odd_headers(client, pages, path, accept_language, host, accept):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language}
    if host is not None:
        headers["HTTP_HOST"] = host
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    kind = "json" if path.startswith("/api/") else "html"
    response = check(client.get(path, **headers), kind, headers, bare_400=host is not None)
    assert response.status_code in (200, 301, 302, 400, 404), headers


# --- the 500s found, pinned -------------------------------------------------------


@pytest.mark.parametrize(
    "url, status",
    [
        ("/kalender/veranstaltung/11111111111111111111.ics", 404),  # SQLite overflow
        ("/kalender/reihe/99999999999999999999.ics", 404),
        ("/kontakt/99999999999999999999/", 404),
        ("/kontakt/99999999999999999999/danke/", 404),
        ("/api/v2/pages/99999999999999999999/", 404),
        ("/api/v2/pages/0/", 404),  # was a 404 with an empty message
        ("/api/v2/pages/?search=Bauantrag&search_operator=xor", 400),  # ValueError
        ("/api/v2/pages/find/?id=abc", 400),  # ValueError
        ("/api/v2/pages/?child_of=" + "9" * 25, 400),
        ("/api/v2/pages/?offset=" + "9" * 25, 400),
        ("/api/v2/pages/?search=a%00b", 400),  # NUL: an error on PostgreSQL
        ("/api/search/suggest/?q=Ki%00ta", 400),
        ("/api/search/suggest/?q=Kita&lang=%00", 400),
    ],
)
def test_former_500s(client, pages, url, status):
    response = check(client.get(url), "json" if "/api/" in url else "html", url)
    assert response.status_code == status


# --- the count --------------------------------------------------------------------


def test_zz_at_least_the_configured_number_of_requests_were_sent():
    """Last in the module (pytest keeps the file's order)."""
    assert SENT["count"] >= TOTAL, f"only {SENT['count']} of {TOTAL} requests sent"
