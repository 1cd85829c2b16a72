"""Elasticsearch: German index settings, mapping, and behaviour when the node is down.

Without a server (always): the generated settings and mapping, and an unreachable node
at a closed loopback port (publishing succeeds, searches are answered by the database
backend, ``update_index`` fails fast). With ``ELASTICSEARCH_URL`` set: live tests that
index German pages and search them.
"""

import logging
import os
import time
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends import get_search_backend

from knowledge.factories import CaseStudyPageFactory
from knowledge.models import CaseStudyPage
from search import fallback
from search.es import backend_settings, german_normalize, wordlist_entries

CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard port: nothing listens, refused at once
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
live = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL not set")


def database_backend_conf():
    """The project's database backend (the fallback), whatever "default" is now."""
    for name in ("database", "default"):
        conf = settings.WAGTAILSEARCH_BACKENDS.get(name)
        if conf and conf["BACKEND"] != "search.es":
            return dict(conf)
    return {"BACKEND": "wagtail.search.backends.database"}


def es_backends(url, **kwargs):
    return {
        "default": backend_settings(url, timeout=1, max_retries=0, **kwargs),
        "database": database_backend_conf(),
    }


@pytest.fixture(autouse=True)
def _reset_fallback():
    fallback.reset()
    yield
    fallback.reset()


# --- settings (no server) --------------------------------------------------------------


def test_backend_matches_client_major_version():
    import elasticsearch

    conf = backend_settings(CLOSED_PORT_URL)
    assert conf["BACKEND"] == "search.es"
    assert conf["URLS"] == [CLOSED_PORT_URL]
    assert conf["INDEX_PREFIX"] == "ik_"
    assert conf["TIMEOUT"] <= 5
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": conf}):
        backend = get_search_backend("default")
    module = f"modelsearch.backends.elasticsearch{elasticsearch.VERSION[0]}"
    assert any(cls.__module__ == module for cls in type(backend).__mro__)


def test_index_settings_analyse_german():
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT_URL)):
        backend = get_search_backend("default")
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    chain = default["filter"]
    for name in ("lowercase", "german_normalization", "german_decompounder", "german_stemmer"):
        assert name in chain
    # normalise before decompounding (the word list is normalised), stem last
    assert chain.index("german_normalization") < chain.index("german_decompounder")
    assert chain[-1] == "german_stemmer"
    assert analysis["filter"]["german_stemmer"] == {"type": "stemmer", "language": "light_german"}
    decompounder = analysis["filter"]["german_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert decompounder["word_list_path"]
    assert analysis["filter"]["german_stop"]["stopwords"] == "_german_"
    # modelsearch's own analysis is kept (deep merge), the autocomplete one folds German
    assert "ngram_analyzer" in analysis["analyzer"]
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"
    index_side = analysis["analyzer"]["edgengram_analyzer"]["filter"]
    search_side = analysis["analyzer"]["edgengram_search_analyzer"]["filter"]
    assert index_side[-1] == "edgengram"
    assert index_side[:-1] == search_side
    assert {"lowercase", "german_normalization", "asciifolding"} <= set(search_side)


def test_word_list_path_is_configurable():
    conf = backend_settings(CLOSED_PORT_URL, word_list_path="/etc/es/words.txt")
    analysis = conf["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["filter"]["german_decompounder"]["word_list_path"] == "/etc/es/words.txt"


@pytest.mark.parametrize(
    "token,normalised",
    [
        ("bürgeramt", "burgeramt"),
        ("buergeramt", "burgeramt"),
        ("straße", "strasse"),
        ("steuer", "steuer"),  # ue after a vowel stays
        ("quelle", "quelle"),  # ue after q stays
        ("spielplätze", "spielplatze"),
        ("oeffentlich", "offentlich"),
    ],
)
def test_german_normalize_matches_lucene(token, normalised):
    assert german_normalize(token) == normalised


def test_word_list_for_the_node_is_normalised(tmp_path):
    source = tmp_path / "words"
    source.write_text("Bürger\nGeld\nWohngeld\nSAP\nab\nStraße\nO'Neill\n", encoding="utf-8")
    assert wordlist_entries(str(source)) == ["burger", "geld", "strasse", "wohngeld"]


def test_mapping_keeps_filter_fields_exact_and_autocomplete_folded():
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT_URL)):
        backend = get_search_backend("default")
    props = backend.mapping_class(CaseStudyPage).get_mapping()["properties"]
    prefix = "knowledge_casestudypage__"
    for name in ("land_id", "kreis_id", "municipality_id", "status"):
        assert props[f"{prefix}{name}_filter"] == {"type": "keyword"}, name
    assert props["locale_id_filter"]["type"] == "integer"
    assert props[f"{prefix}go_live_date_filter"]["type"] == "date"
    assert not [k for k, v in props.items() if k.endswith("_filter") and v["type"] == "text"]
    # text fields carry no analyzer of their own: the index default (German) applies
    assert "analyzer" not in props[f"{prefix}body"]
    assert props["_all_text"] == {"type": "text"}
    for name in ("_edgengrams", "title_edgengrams"):
        assert props[name]["analyzer"] == "edgengram_analyzer"
        assert props[name]["search_analyzer"] == "edgengram_search_analyzer"
    assert not [k for k in props if "editor_notes" in k or "email" in k or "contact" in k]
    assert backend.get_index_for_model(CaseStudyPage).name == "ik_wagtailcore_page"


# --- unreachable node (closed loopback port) -------------------------------------------


@pytest.fixture
def es_down():
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT_URL)):
        yield


@pytest.mark.django_db
def test_publishing_succeeds_and_search_falls_back(es_down, site_root, caplog):
    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="modelsearch.index"):
        page = CaseStudyPageFactory(
            parent=site_root["knowledge"],
            title="Radverkehrsnetz digital geplant",
            teaser_text="Die Stadt plant ihr Radverkehrsnetz mit Bürgerbeteiligung.",
        )
        page.save_revision().publish()
    assert CaseStudyPage.objects.live().filter(pk=page.pk).exists()
    # Elasticsearch was tried and its error logged; the publish went through.
    assert [
        r for r in caplog.records if r.name == "modelsearch.index" and "'default'" in r.msg % r.args
    ]

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        results = fallback.search_with_fallback(CaseStudyPage.objects.live(), "Radverkehrsnetz")
    assert page in results
    warnings = [r for r in caplog.records if r.name == "search.fallback"]
    assert warnings and warnings[0].levelno == logging.WARNING
    assert "unavailable" in warnings[0].getMessage()
    assert "'database'" in warnings[0].getMessage()
    assert time.monotonic() - started < 10


@pytest.mark.django_db
def test_count_facet_and_autocomplete_fall_back(es_down, site_root, caplog):
    page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Wohngeldantrag online")
    qs = CaseStudyPage.objects.live()
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        assert fallback.search_with_fallback(qs, "Wohngeldantrag", evaluate=len) >= 1
        facets = fallback.search_with_fallback(
            qs, "Wohngeldantrag", evaluate=lambda r: r.facet("status")
        )
        assert facets.get(page.status, 0) >= 1
        found = fallback.search_with_fallback(qs, "Wohngeld", method="autocomplete")
        assert page in found
    assert len([r for r in caplog.records if r.name == "search.fallback"]) == 3


@pytest.mark.django_db
def test_failed_backend_is_skipped_during_cooldown(es_down, site_root, caplog, monkeypatch):
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Baugenehmigung digital")
    qs = CaseStudyPage.objects.live()
    fallback.search_with_fallback(qs, "Baugenehmigung", cooldown=60)
    assert fallback.is_down("default")

    calls = []
    original = fallback._run

    def spy(queryset, query, method, backend, evaluate, kwargs):
        calls.append(backend)
        return original(queryset, query, method, backend, evaluate, kwargs)

    monkeypatch.setattr(fallback, "_run", spy)
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        fallback.search_with_fallback(qs, "Baugenehmigung", cooldown=60)
    assert calls == ["database"]
    assert "marked unavailable" in caplog.records[-1].getMessage()


@pytest.mark.django_db
def test_database_errors_are_not_swallowed(es_down, site_root):
    # Only Elasticsearch's errors mean "fall back"; a bad query on the database is a bug.
    with pytest.raises(Exception) as excinfo:
        fallback.search_with_fallback(
            CaseStudyPage.objects.live(), "x", backend="database", evaluate=lambda r: 1 / 0
        )
    assert excinfo.type is ZeroDivisionError


@pytest.mark.django_db
def test_without_fallback_backend_the_connection_error_surfaces(site_root):
    backends = {"default": backend_settings(CLOSED_PORT_URL, timeout=1, max_retries=0)}
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        pytest.raises(fallback.search_errors()),
    ):
        fallback.search_with_fallback(CaseStudyPage.objects.live(), "Wohngeld")


@pytest.mark.django_db
def test_update_index_against_unreachable_node_fails_fast(es_down, site_root):
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitales Bürgeramt")
    started = time.monotonic()
    with pytest.raises(fallback.search_errors()) as excinfo:
        call_command("update_index", backend_name="default", verbosity=0)
    assert time.monotonic() - started < 5
    assert "127.0.0.1" in str(excinfo.value) or "Connection" in type(excinfo.value).__name__


# --- live (ELASTICSEARCH_URL) ------------------------------------------------------------


@pytest.fixture
def es_live():
    prefix = f"iktest_{uuid.uuid4().hex[:8]}_"
    backends = es_backends(ELASTICSEARCH_URL, index_prefix=prefix)
    backends["default"]["TIMEOUT"] = 10
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("default")
        yield backend
        for name in list(backend.es.indices.get(index=f"{prefix}*").body):
            backend.es.indices.delete(index=name)


@pytest.fixture
def german_pages(es_live, site_root):
    parent = site_root["knowledge"]
    pages = {
        "rad": CaseStudyPageFactory(
            parent=parent,
            title="Radverkehrsnetz der Stadt",
            teaser_text="Ein digital geplantes Radverkehrsnetz für alle Stadtteile.",
        ),
        "bau": CaseStudyPageFactory(
            parent=parent,
            title="Baugenehmigungen online",
            teaser_text="Anträge auf Baugenehmigungen werden vollständig digital bearbeitet.",
        ),
        "buerger": CaseStudyPageFactory(
            parent=parent,
            title="Bürgerbeteiligung im Quartier",
            teaser_text="Straßenplanung mit den Menschen vor Ort.",
        ),
    }
    call_command("update_index", backend_name="default", verbosity=0)
    es_live.get_index_for_model(CaseStudyPage).refresh()
    return pages


def es_search(query, method="search"):
    qs = CaseStudyPage.objects.live()
    return list(getattr(qs, method)(query, backend="default"))


@live
@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,key",
    [
        ("Baugenehmigung", "bau"),  # inflection: singular finds plural
        ("Radverkehr", "rad"),  # compound part
        ("Netz", "rad"),  # compound head
        ("Buergerbeteiligung", "buerger"),  # transliterated umlaut
        ("Strasse", "buerger"),  # ß spelt ss
    ],
)
def test_live_german_search(german_pages, query, key):
    assert german_pages[key] in es_search(query)


@live
@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Bürg", "Burg", "Buerg"])
def test_live_autocomplete_folds_umlauts(german_pages, query):
    assert german_pages["buerger"] in es_search(query, method="autocomplete")


@live
@pytest.mark.django_db
def test_live_facet_and_no_fallback(german_pages, caplog):
    qs = CaseStudyPage.objects.live()
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        facets = fallback.search_with_fallback(qs, "digital", evaluate=lambda r: r.facet("status"))
    assert sum(facets.values()) >= 2
    assert not [r for r in caplog.records if r.name == "search.fallback"]


@live
@pytest.mark.django_db
def test_live_update_index_catches_up_after_outage(es_live, site_root):
    # Published while the node was unreachable: only the database has it ...
    down = es_backends(CLOSED_PORT_URL)
    down["default"]["INDEX_PREFIX"] = es_live.index_prefix
    with override_settings(WAGTAILSEARCH_BACKENDS=down):
        page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Hundesteuer digital")
    call_command("update_index", backend_name="default", verbosity=0)
    es_live.get_index_for_model(CaseStudyPage).refresh()
    # ... until update_index brings the index back in line.
    assert page in es_search("Hundesteuer")
