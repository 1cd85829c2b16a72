"""German analysis shared by the search backends (search/analysis.py); no database.

A query matches a document when every group of ``analyze_query(query)`` has an
alternative whose terms are all among ``analyze(document)``: the rule each backend
implements with its own AND/OR syntax.
"""

import logging
import os
import random
from pathlib import Path

import pytest

pytest.importorskip("Stemmer", reason="PyStemmer is a requirement of search.analysis")

from search import analysis  # noqa: E402
from search.analysis import (  # noqa: E402
    TypoIndex,
    analyze,
    analyze_query,
    normalize,
    split_compound,
    stem,
    tokenize,
)

WORDLIST = os.environ.get("GERMAN_WORDLIST", analysis.DEFAULT_WORDLIST)
needs_wordlist = pytest.mark.skipif(
    not Path(WORDLIST).is_file(),
    reason=f"German word list {WORDLIST} missing (Debian package wngerman)",
)


def matches(query: str, document: str) -> bool:
    terms = set(analyze(document))
    return all(any(set(alt) <= terms for alt in group) for group in analyze_query(query))


@pytest.fixture
def restore_wordlist():
    yield
    analysis.use_wordlist(None)


# --- the pairs of the issue ----------------------------------------------------------

ISSUE_PAIRS = [
    ("Baugenehmigung", "Antrag auf Baugenehmigungen"),
    ("Baugenehmigungen", "Die Baugenehmigung ist erteilt"),
    ("Wohngeld", "Der Wohngeldantrag"),
    ("Wohngeldantrag", "Antrag auf Wohngeld"),
    ("Radverkehrsnetz", "Radverkehr in der Stadt"),
    ("Radverkehr", "Das Radverkehrsnetz"),
    ("Buergeramt", "Das Bürgeramt Mitte"),
    ("Bürgeramt", "Buergeramt"),
    ("Strasse", "Die Straße"),
    ("Straße", "Hauptstrasse 1"),
]

MUNICIPAL_PAIRS = [
    ("Kfz-Zulassung", "Die Kfz-Zulassungsstelle im Landratsamt"),
    ("Zulassungsstelle", "Zulassungsstellen der Kreise"),
    ("Ausweis", "Personalausweis beantragen"),
    ("Müllabfuhr", "Termine der Muellabfuhr"),
    ("Abfall", "Der Abfallkalender 2024"),
    ("Bebauungsplan", "Bebauungspläne der Gemeinde"),
    ("Bürgerbeteiligung", "Beteiligung der Bürger am Haushalt"),
    ("Meldeamt", "Das Einwohnermeldeamt"),
    ("Einwohnermeldeamt", "Das Meldeamt"),
    ("Stadtratssitzung", "Sitzung des Stadtrats"),
    ("Spielplatz", "Neue Spielplätze"),
    ("Feuerwehr", "Freiwillige Feuerwehren"),
    ("Haushalt", "Der Haushaltsplan"),
    ("Informationsfreiheitsgesetz", "Die Informationsfreiheit"),
    ("Open Data", "Unser Open-Data-Portal"),
    ("Bürgerbüro", "Buergerbuero"),
]


@needs_wordlist
@pytest.mark.parametrize(("query", "document"), ISSUE_PAIRS + MUNICIPAL_PAIRS)
def test_query_finds_document(query, document):
    assert matches(query, document)


@needs_wordlist
@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("Kita", "Kindertagesstätte"),  # an abbreviation, not a compound: a synonym's job
        ("Wohngeldantrag", "Antrag auf Elterngeld"),
        ("Bürgeramt", "Das Amt"),
        ("Personalausweis", "Ausweis"),
        ("Steuer", "stur"),
        ("Bauer", "Bar"),
        ("Radverkehr", "Verkehr"),
    ],
)
def test_query_does_not_find_document(query, document):
    assert not matches(query, document)


def test_inflection_needs_no_word_list():
    assert stem("baugenehmigung") == stem("baugenehmigungen") == "baugenehm"
    assert stem(normalize("Spielplätze")) == stem(normalize("Spielplatz")) == "spielplatz"


# --- compound splitting --------------------------------------------------------------


@needs_wordlist
@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Wohngeldantrag", ["wohn", "geld", "antrag"]),
        ("Radverkehrsnetz", ["rad", "verkehr", "netz"]),
        ("Baugenehmigungen", ["bau", "genehmigungen"]),
        ("Bürgeramt", ["burger", "amt"]),
        ("Buergeramt", ["burger", "amt"]),
        ("Zulassungsstelle", ["zulassung", "stelle"]),
        ("Bundestagswahl", ["bund", "tag", "wahl"]),
        ("Straßenbahn", ["strassen", "bahn"]),
    ],
)
def test_split_compound(word, parts):
    assert split_compound(word) == parts


@needs_wordlist
@pytest.mark.parametrize(
    "word",
    [
        "Verwaltung",
        "Abend",
        "Bürger",
        "Amt",
        "Gemeinde",
        "Digitalisierung",
        "Verein",
        "Beitrag",
        "Eintrag",
        "Gemeinschaft",
        "Wohnung",
        "Steuer",
        "Übersicht",  # "über" is a stop word: no part
        "Nachbarschaft",  # "-schaft" is a suffix: no part
        "Versorgung",
    ],
)
def test_ordinary_words_stay_whole(word):
    assert split_compound(word) == [normalize(word)]


@needs_wordlist
def test_analyze_emits_whole_word_sub_compounds_and_parts():
    assert analyze("Wohngeldantrag") == [
        "wohngeldantrag",
        "wohngeld",
        "geldantrag",
        "wohn",
        "geld",
        "antrag",
    ]
    assert analyze("Radverkehr") == ["radverkehr", "rad", "verkehr"]


@needs_wordlist
def test_analyze_query_groups_alternatives():
    assert analyze_query("Radverkehrsnetz Köln") == [
        [
            ("radverkehrsnetz",),
            ("radverkehr",),
            ("verkehrsnetz",),
            ("rad", "verkehr", "netz"),
        ],
        [("koln",)],
    ]


# --- normalisation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bürgeramt", "Buergeramt"),
        ("Straße", "Strasse"),
        ("Köln", "Koeln"),
        ("Ärger", "Aerger"),
        ("Tür", "Tuer"),
        ("Häuser", "Haeuser"),
        ("Müll", "Muell"),
        ("quälen", "quaelen"),
        ("Säue", "Saeue"),
        ("STRASSE", "straße"),
        ("Café", "cafe"),
    ],
)
def test_transliterations_fold_alike(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Steuer", "steuer"),
        ("Quelle", "quelle"),
        ("neue", "neue"),
        ("Bauer", "bauer"),
        ("Feuerwehr", "feuerwehr"),
        ("Mauer", "mauer"),
        ("Abenteuer", "abenteuer"),
        ("Poesie", "poesie"),
        ("aktuell", "aktuell"),
        ("Duett", "duett"),
        ("zuerst", "zuerst"),
        ("Buergeramt", "burgeramt"),
        ("Muellabfuhr", "mullabfuhr"),
    ],
)
def test_umlaut_folding_exceptions(word, folded):
    assert normalize(word) == folded


def test_normalize_keeps_text_shape():
    assert normalize("Die Straße, 2024!") == "die strasse, 2024!"


# --- tokens and stop words -----------------------------------------------------------


def test_tokenize_drops_stop_words():
    assert tokenize("Die Anträge für das Wohngeld und über den Bauantrag") == [
        "antrage",
        "wohngeld",
        "bauantrag",
    ]


def test_tokenize_hyphenated_compounds():
    assert tokenize("Kfz-Zulassung per E-Mail, 3-mal") == [
        "kfz",
        "zulassung",
        "kfzzulassung",
        "per",
        "mail",
        "email",
        "3",
        "mal",
        "3mal",
    ]


def test_only_stop_words_give_no_terms():
    assert analyze("und oder die der das") == []
    assert analyze_query("und oder") == []


@needs_wordlist
def test_analysis_is_deterministic(restore_wordlist):
    text = "Die Bürgerbeteiligung zum Radverkehrsnetz und zum Wohngeldantrag"
    first = analyze(text)
    analysis.use_wordlist(None)  # reload the word list and empty the caches
    assert analyze(text) == first
    assert analyze_query(text) == analyze_query(text)


# --- the word list -------------------------------------------------------------------


def test_missing_wordlist_disables_decompounding(restore_wordlist, caplog):
    analysis.use_wordlist("/nonexistent/ngerman")
    with caplog.at_level(logging.WARNING, logger="search.analysis"):
        assert split_compound("Wohngeldantrag") == ["wohngeldantrag"]
        assert split_compound("Bürgeramt") == ["burgeramt"]
        assert analyze("Baugenehmigungen Buergeramt") == ["baugenehm", "burgeramt"]
        assert matches("Baugenehmigung", "Baugenehmigungen")
        assert not matches("Wohngeld", "Wohngeldantrag")
    warnings = [r for r in caplog.records if "word list" in r.getMessage()]
    assert len(warnings) == 1


def test_wordlist_from_environment(restore_wordlist, tmp_path, monkeypatch):
    wordlist = tmp_path / "words"
    wordlist.write_text("Wohngeld\nAntrag\nAmt\nab\nSAP\nrot\n", encoding="utf-8")
    monkeypatch.setenv("GERMAN_WORDLIST", str(wordlist))
    analysis.use_wordlist(None)
    assert split_compound("Wohngeldantrag") == ["wohngeld", "antrag"]
    assert matches("Wohngeld", "Wohngeldantrag")
    # Only listed three-letter words (Amt, not "ab" or "rot") and no abbreviations (SAP).
    loaded = analysis.load_wordlist(str(wordlist))
    assert loaded == {"wohngeld", "antrag"} | analysis.SHORT_PARTS
    assert "rot" not in loaded and "sap" not in loaded


# --- typos ---------------------------------------------------------------------------


def test_typo_index_finds_one_letter_typos():
    vocabulary = tokenize("Das Bürgeramt erteilt die Baugenehmigung und die Baugenehmigungen")
    index = TypoIndex(vocabulary)
    assert index.lookup(normalize("Bürgeramr")) == {"burgeramt"}
    assert index.lookup(normalize("Baugenehmigng")) == {"baugenehmigung"}
    assert index.lookup(normalize("Baugenehmiugng")) == {"baugenehmigung"}  # transposition
    assert index.lookup(normalize("Buergeraamt")) == {"burgeramt"}  # insertion
    assert index.lookup("burgeramt") == set()  # a known word is no typo
    assert index.lookup("amtx") == set()  # too short to correct
    assert index.lookup("bauxenehmigngg") == set()  # two edits


def _osa(a: str, b: str) -> int:
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def test_typo_index_agrees_with_brute_force():
    rng = random.Random(3)
    words = {"".join(rng.choice("abc") for _ in range(rng.randint(3, 8))) for _ in range(400)}
    index = TypoIndex(words)
    for query in sorted(words)[:150] + ["abcab", "cccccc", "abababa"]:
        expected = (
            {w for w in words if len(w) >= 4 and _osa(query, w) == 1} if len(query) >= 5 else set()
        )
        assert index.lookup(query) == expected, query
