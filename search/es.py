"""Elasticsearch 8/9 configuration with German analysis.

``backend_settings(url)`` returns one ``WAGTAILSEARCH_BACKENDS`` entry for Wagtail's
Elasticsearch backend of the installed client's major version (modelsearch's
``elasticsearch8`` or ``elasticsearch9``), through the small subclass in this module
(``BACKEND = "search.es"``). The subclass changes one thing: autocomplete fields are
searched with ``edgengram_search_analyzer`` (folding like the index side) instead of
``standard``, so a typed "Bürg" or "Buerg" matches the edge n-grams of "Bürgeramt".

Analysis (``INDEX_SETTINGS``, deep-merged by modelsearch into its own settings):

* ``analysis.analyzer.default`` (also named ``german_text``, for ``es_extra``):
  standard tokenizer, lowercase, German stop words, ``german_normalization``
  (ä/ae → a, ö/oe → o, ü/ue → u except after a vowel or "q", ß → ss), ``asciifolding``
  (é → e), ``dictionary_decompounder`` (the original token plus its dictionary parts),
  ``light_german`` stemming. It is the *default* analyzer because modelsearch maps every
  ``SearchField`` (and ``_all_text``) as ``text`` with no analyzer of its own.
* ``edgengram_analyzer`` (autocomplete, index side) gets the same folding before the
  edge n-grams; ``edgengram_search_analyzer`` folds the typed prefix the same way.
* Filter fields need no override: modelsearch maps string filter fields as ``keyword``
  (status, kind, and land_id/kreis_id/municipality_id, whose target ``Region.code`` is a
  CharField), integer ones (locale_id, id) as ``integer`` and dates as ``date``; all are
  exact-match and aggregatable (facets). ``tests/search/test_elasticsearch.py`` pins this.

The Elasticsearch node must have the word list at ``WORDLIST_PATH`` (relative to its
config directory): ``manage.py shell -c "from search.es import write_wordlist;
write_wordlist('de_decompound.txt')"`` on a machine with Debian's ``wngerman``
(``/usr/share/dict/ngerman``), and copy the file to
``/usr/share/elasticsearch/config/analysis/de_decompound.txt`` in the image. Without it
index creation fails (``update_index`` reports the error).

Deploy order: run ``manage.py update_index`` before the first publish against a new node
(it creates the index with these settings, atomically behind an alias); an index that
Elasticsearch auto-creates on a document write gets dynamic mappings without German
analysis, so setting ``action.auto_create_index: "-ik_*,+*"`` on the node is advisable.
After an outage, ``update_index`` brings the index back in line (publishing meanwhile
only logs the Elasticsearch error, see ``search/fallback.py``).

This module must stay importable from the settings: no Django or modelsearch import at
module level (the backend class is built lazily through the module ``__getattr__``).
"""

from __future__ import annotations

import os

# Relative paths are resolved against the Elasticsearch node's config directory.
WORDLIST_PATH = "analysis/de_decompound.txt"
DEFAULT_TIMEOUT = 5  # seconds, per request
DEFAULT_MAX_RETRIES = 1

_FOLDING = ["lowercase", "german_normalization", "asciifolding"]

ANALYSIS_FILTERS = {
    "german_stop": {"type": "stop", "stopwords": "_german_"},
    "german_decompounder": {
        "type": "dictionary_decompounder",
        "word_list_path": WORDLIST_PATH,
        "min_word_size": 5,
        "min_subword_size": 4,
        "max_subword_size": 20,
        "only_longest_match": True,
    },
    "german_stemmer": {"type": "stemmer", "language": "light_german"},
}


def german_analysis(word_list_path: str = WORDLIST_PATH) -> dict:
    """The ``settings.analysis`` part: the German default analyzer and folded autocomplete."""
    filters = {name: dict(conf) for name, conf in ANALYSIS_FILTERS.items()}
    filters["german_decompounder"]["word_list_path"] = word_list_path
    german = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [
            "lowercase",
            "german_stop",
            "german_normalization",
            "asciifolding",
            "german_decompounder",
            "german_stemmer",
        ],
    }
    return {
        "filter": filters,
        "analyzer": {
            "german_text": german,
            "default": dict(german, filter=list(german["filter"])),
            # modelsearch's own edgengram_analyzer (asciifolding, lowercase, edgengram),
            # with German folding so "Buergeramt" and "Bürgeramt" give the same grams.
            "edgengram_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*_FOLDING, "edgengram"],
            },
            "edgengram_search_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": list(_FOLDING),
            },
        },
    }


def client_major_version() -> int:
    """Major version of the installed ``elasticsearch`` client (8 or 9)."""
    import elasticsearch

    return int(elasticsearch.VERSION[0])


def modelsearch_backend_module(major: int | None = None) -> str:
    major = client_major_version() if major is None else major
    if major not in (8, 9):
        raise ValueError(f"elasticsearch client {major}.x is not supported (8 or 9)")
    return f"modelsearch.backends.elasticsearch{major}"


def backend_settings(
    elasticsearch_url: str,
    index_prefix: str = "ik_",
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    auto_update: bool = True,
    word_list_path: str | None = None,
) -> dict:
    """One ``WAGTAILSEARCH_BACKENDS`` entry for Elasticsearch with German analysis.

    ``elasticsearch_url`` may hold several comma-separated URLs (same credentials).
    """
    urls = [u.strip() for u in elasticsearch_url.split(",") if u.strip()]
    return {
        "BACKEND": "search.es",
        "URLS": urls,
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "AUTO_UPDATE": auto_update,
        # A fresh index per rebuild, swapped in by alias when complete.
        "ATOMIC_REBUILD": True,
        "OPTIONS": {"max_retries": max_retries, "retry_on_timeout": False},
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": german_analysis(
                    word_list_path or os.environ.get("ELASTICSEARCH_WORDLIST_PATH", WORDLIST_PATH)
                ),
            }
        },
    }


# --- word list for the node ------------------------------------------------------------


def german_normalize(token: str) -> str:
    """Python port of Lucene's GermanNormalizationFilter (ES ``german_normalization``).

    Expects a lowercased token: ä/ö/ü → a/o/u, ae/oe → a/o, ue → u unless after a vowel
    or "q", ß → ss.
    """
    n, v, u = 0, 1, 2
    state = n
    out: list[str] = []
    for c in token:
        if c in "ao":
            state = u
        elif c == "u":
            state = u if state == n else v
        elif c == "e":
            if state == u:
                state = v
                continue  # drop the "e" of ae/oe/ue
            state = v
        elif c in "iqy":
            state = v
        elif c in "äöü":
            c = {"ä": "a", "ö": "o", "ü": "u"}[c]
            state = v
        elif c == "ß":
            c = "ss"
            state = n
        else:
            state = n
        out.append(c)
    return "".join(out)


def wordlist_entries(source: str | None = None, min_length: int = 4) -> list[str]:
    """Decompounder word list: lowercased, German-normalised words from ``source``.

    The decompounder runs after ``german_normalization`` in the analyzer, so the list
    holds the normalised spellings ("burger", not "bürger"). All-capital abbreviations
    and words with non-letters are skipped.
    """
    source = source or os.environ.get("GERMAN_WORDLIST", "/usr/share/dict/ngerman")
    words = set()
    with open(source, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if len(w) < min_length or w.isupper() or not w.isalpha():
                continue
            words.add(german_normalize(w.lower()))
    return sorted(words)


def write_wordlist(target: str, source: str | None = None) -> int:
    """Write the word list for the Elasticsearch node; returns the number of words."""
    words = wordlist_entries(source)
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    return len(words)


# --- the backend -----------------------------------------------------------------------

_backend_cache: dict[str, type] = {}


def _build_backend_class() -> type:
    from importlib import import_module

    base_module = import_module(modelsearch_backend_module())
    base_backend = base_module.SearchBackend
    base_mapping = base_backend.mapping_class
    autocomplete_base = base_backend.autocomplete_query_compiler_class
    search_base = base_backend.query_compiler_class

    edgengram = {"analyzer": "edgengram_analyzer", "search_analyzer": "edgengram_search_analyzer"}
    mapping = type(
        "GermanElasticsearchMapping", (base_mapping,), {"edgengram_analyzer_config": edgengram}
    )
    query_compiler = type(
        "GermanElasticsearchSearchQueryCompiler", (search_base,), {"mapping_class": mapping}
    )
    autocomplete_compiler = type(
        "GermanElasticsearchAutocompleteQueryCompiler",
        (autocomplete_base,),
        {"mapping_class": mapping},
    )
    return type(
        "GermanElasticsearchSearchBackend",
        (base_backend,),
        {
            "__module__": __name__,
            "__doc__": "modelsearch's Elasticsearch backend with folded autocomplete search.",
            "mapping_class": mapping,
            "query_compiler_class": query_compiler,
            "autocomplete_query_compiler_class": autocomplete_compiler,
        },
    )


def __getattr__(name: str):
    # modelsearch's import_backend("search.es") reads ``SearchBackend``.
    if name == "SearchBackend":
        if "backend" not in _backend_cache:
            _backend_cache["backend"] = _build_backend_class()
        return _backend_cache["backend"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
