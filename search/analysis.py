"""German text analysis shared by every search backend.

One function, :func:`analyze`, turns German text into index terms, and the same
analysis runs on documents and on queries, so SQLite, PostgreSQL and Elasticsearch
agree on what a query means. The steps:

1. :func:`normalize`: Unicode NFKC, casefold (ß → ss), combining marks stripped
   (ä → a, é → e), then the transliterations ae/oe/ue folded to a/o/u where they stand
   for an umlaut ("Buergeramt" and "Bürgeramt" both become "burgeramt").
2. :func:`tokenize`: words of letters and digits; a hyphenated compound yields its parts
   and the joined word; German function words are dropped.
3. :func:`split_compound`: dictionary-based decompounding ("wohngeldantrag" →
   wohn + geld + antrag) with linking elements (Fugen-s, -es, -n, -en, -er, -e).
4. :func:`stem`: the Snowball German stemmer (PyStemmer) on the folded word.

:func:`analyze` emits, per token, the stem of the whole word, the stems of its
contiguous sub-compounds and of its parts, so "Wohngeld" finds "Wohngeldantrag".
:func:`analyze_query` returns the query as groups of alternatives so that a long query
compound also finds its modifier ("Radverkehrsnetz" finds "Radverkehr").
:class:`TypoIndex` finds vocabulary words one edit away from a misspelt word.

How a backend uses it:

* SQLite FTS5 and PostgreSQL (``simple`` configuration, no stemming of its own) index
  ``" ".join(analyze(text))``; a query becomes ``AND`` over the groups of
  :func:`analyze_query`, ``OR`` over a group's alternatives, ``AND`` inside one
  alternative (FTS5: ``("a" OR ("b" AND "c"))``; tsquery: ``('a' | ('b' & 'c'))``).
* Elasticsearch gets the same word list as a ``dictionary_decompounder`` filter; where
  Python can analyse the text first, indexing the pre-analysed terms with a whitespace
  analyzer keeps it exactly in step with the other backends.

Umlaut folding trade-off: the folding is applied identically to documents and
queries, so a wrong fold ("aktuell" → "aktull") only merges words that would
otherwise differ and costs precision, never recall; a missed fold costs recall. Snowball's
German stemmer already maps ä/ö/ü to a/o/u, so folding the umlaut letters adds no merge;
only the ae/oe/ue rules are a decision, and they keep the diphthongs (Bauer, neue,
Steuer), "qu" (Quelle) and a few listed words (Poesie, aktuell, zuerst).

The dictionary is Debian's ``wngerman`` list (``/usr/share/dict/ngerman``, GPL-2+,
installed as a package, never copied into the repository); ``GERMAN_WORDLIST`` or
:func:`use_wordlist` choose another file. Without the file, decompounding is off (a
warning is logged once) and everything else works.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable

import Stemmer

logger = logging.getLogger(__name__)

DEFAULT_WORDLIST = "/usr/share/dict/ngerman"

# --- normalisation -------------------------------------------------------------------

_PAIR_RE = re.compile(r"[aou]e")
# Pieces inside which an ae/oe/ue is no umlaut (Poesie, Oboe, Koeffizient, Aerosol,
# aktuell, Duett, zuerst). The "ue" after a vowel (Bauer, neue, Steuer: the diphthongs
# au/eu) and after "q" (Quelle) is kept by the rule in _fold_word.
_KEEP_RE = re.compile(
    r"poe[st]|oboe|aloe|koeff|koexist|koedu|aero|[tdnsx]uel|[tdnsx]uett"
    r"|^zue(?=rst|inand|rkenn|rkann)"
)
_WORD_RE = re.compile(r"[^\W_]+")
_GERMAN_LETTERS = str.maketrans(
    {"ä": "a", "ö": "o", "ü": "u", "Ä": "a", "Ö": "o", "Ü": "u", "ß": "ss"}
)


def _light(text: str) -> str:
    """NFKC, casefold (ß → ss) and combining marks stripped (ä → a); no ae/oe/ue rule."""
    fast = text.translate(_GERMAN_LETTERS)  # same result as below for German text, faster
    if fast.isascii():
        return fast.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def _fold_word(word: str) -> str:
    """Fold ae/oe/ue → a/o/u in one light-normalised word, except where it is no umlaut."""
    if not _PAIR_RE.search(word):
        return word
    keep = {i for m in _KEEP_RE.finditer(word) for i in range(m.start(), m.end())}

    def fold(m: re.Match) -> str:
        i = m.start()
        prev = word[i - 1] if i else ""
        if i in keep or (m.group() == "ue" and prev and prev in "aeiouq"):
            return m.group()
        return m.group()[0]

    return _PAIR_RE.sub(fold, word)


def normalize(text: str) -> str:
    """Lowercase, ASCII-folded German: "Straße" → "strasse", "Buergeramt" → "burgeramt"."""
    return _WORD_RE.sub(lambda m: _fold_word(m.group()), _light(text))


# --- tokens --------------------------------------------------------------------------

_STOP_WORDS_TEXT = """
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes
auch auf aus bei beim bin bis bist da damit dann das dass dein deine dem den denn der
deren des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch
ein eine einem einen einer eines einige einigen er es etwa etwas euch euer eure für
gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer im in indem ins ist ja jede jedem jeden jeder jedes jene jenem
jenen jener jetzt kann kein keine keinem keinen keiner können könnte man manche
manchem manchen mancher mein meine mich mir mit muss musste müssen nach nicht nichts
noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seit sich sie sind so
solche solchem solchen solcher soll sollte sondern sonst über um und uns unser unsere
unter viel vom von vor war waren warst was weil welche welchem welchen welcher welches
wenn wer werde werden wie wieder will wir wird wirst wo wollen wollte während würde
würden zu zum zur zwar zwischen
"""
STOP_WORDS = frozenset(normalize(_STOP_WORDS_TEXT).split())
_TOKEN_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _light_tokens(text: str) -> list[str]:
    out = []
    for m in _TOKEN_RE.finditer(_light(text)):
        pieces = m.group().split("-")
        words = pieces + ["".join(pieces)] if len(pieces) > 1 else pieces
        for w in words:
            if (len(w) > 1 or w.isdigit()) and _fold_word(w) not in STOP_WORDS:
                out.append(w)
    return out


def tokenize(text: str) -> list[str]:
    """Normalised words without stop words; "Kfz-Zulassung" → kfz, zulassung, kfzzulassung."""
    return [_fold_word(w) for w in _light_tokens(text)]


_STEMMER = Stemmer.Stemmer("german")
_STEMMER.maxCacheSize = 100_000
_stem_lock = threading.Lock()  # a PyStemmer object is not safe to share across threads


def stem(token: str) -> str:
    """Snowball German stem of a normalised token (apply :func:`normalize` first)."""
    with _stem_lock:
        return _STEMMER.stemWord(token)


# --- compounds -----------------------------------------------------------------------

MIN_PART = 3
# Three-letter parts are only these nouns: the word list's other three-letter words (Ion,
# Ren, Sam, Gel, Okt) split "Version", "Weiteren", "Samstag", "Spiegel", "Oktober" wrongly.
_SHORT_PARTS_TEXT = """
amt akt art bad bau bus eis gas hof kfz lkw pkw rad rat see tag tal tee tor tur uhr
uni weg zoo zug ort not mut neu alt bio web job box
"""
SHORT_PARTS = frozenset(_SHORT_PARTS_TEXT.split())
_LINKERS_FIRST = ("es", "s")  # Fugen-s: "verkehrs" → "verkehr" even though "verkehrs" is a word
_LINKERS_LATER = ("en", "er", "n", "e")
# Never parts: verbal prefixes and derivational suffixes that the word list has as words,
# and a few words seen splitting common words wrongly (Mill|ionen, Tran|sport).
_NOT_PARTS_TEXT = """
ver zer ent emp miss dar her hinaus heraus voran vorbei zusammen schaft schaften
haft weise heit keit lich chen lein ling falls ionen ober tran mill native essern
samt atze elle ellen insges
"""
_NOT_PARTS = STOP_WORDS | frozenset(_NOT_PARTS_TEXT.split())
_state_lock = threading.Lock()
_wordlist_path: str | None = None  # None: GERMAN_WORDLIST or DEFAULT_WORDLIST
_words: frozenset[str] | None = None


def load_wordlist(path: str) -> frozenset[str]:
    """Folded words of a one-word-a-line list: four letters or more, and ``SHORT_PARTS``.

    All-capital abbreviations (ARD, SAP) are skipped. A missing file gives an empty set.
    """
    words = set()
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if len(w) > MIN_PART and not w.isupper():
                    words.add(_fold_word(_light(w)))
    except OSError as exc:
        logger.warning("German word list unavailable (%s); decompounding is off", exc)
        return frozenset()
    words.update(SHORT_PARTS)
    return frozenset(w for w in words if w.isalpha() and w not in _NOT_PARTS)


def use_wordlist(path: str | None) -> None:
    """Choose the word list file (None: ``GERMAN_WORDLIST`` or the default); loads lazily."""
    global _wordlist_path, _words
    with _state_lock:
        _wordlist_path, _words = path, None
        _decompose.cache_clear()


def _wordlist() -> frozenset[str]:
    global _words
    if _words is None:
        with _state_lock:
            if _words is None:
                path = _wordlist_path or os.environ.get("GERMAN_WORDLIST", DEFAULT_WORDLIST)
                _words = load_wordlist(path)
    return _words


def _modifier_base(seg: str, words: frozenset[str]) -> tuple[str, str] | None:
    """(Folded dictionary form, linking element) of a non-final part, or None."""
    for linkers in (_LINKERS_FIRST, ("",), _LINKERS_LATER):
        for link in linkers:
            if seg.endswith(link) and len(seg) - len(link) >= MIN_PART:
                base = _fold_word(seg[: len(seg) - len(link)])
                if base in words:
                    return base, link
    return None


_Part = tuple[str, str, str]  # (folded base, light surface without linker, linker)


def _score(parts: list[_Part]) -> tuple[int, int, int]:
    """Fewest parts, then the longest shortest part (Daten|sätze, not Datens|ätze;
    Schnitt|stelle, not Schnittst|elle), then the longest parts."""
    lengths = [len(base) for base, _, _ in parts]
    return len(parts), -min(lengths), -sum(n * n for n in lengths)


def _best_split(word: str, words: frozenset[str]) -> list[_Part] | None:
    """Fewest parts (then the longest) covering ``word`` with two parts or more."""
    n = len(word)
    # best[i]: best segmentation of word[i:], where the head alone counts as one part.
    best: list[list[_Part] | None] = [None] * (n + 1)
    top: list[_Part] | None = None
    for i in range(n - MIN_PART, -1, -1):
        head = _fold_word(word[i:])
        cands = [[(head, word[i:], "")]] if i and head in words else []
        for j in range(i + MIN_PART, n - MIN_PART + 1):
            mod = _modifier_base(word[i:j], words) if best[j] else None
            if mod:
                cands.append([(mod[0], word[i : j - len(mod[1])], mod[1]), *best[j]])
        if cands:
            best[i] = min(cands, key=_score)
            if i == 0:
                top = best[0]
    return top


@functools.lru_cache(maxsize=50_000)
def _decompose(word: str) -> tuple[_Part, ...]:
    """Finest split of a light-normalised word: the best split, each part split again."""
    words = _wordlist()
    if not words or not word.isalpha() or len(word) < 2 * MIN_PART or len(word) > 64:
        return ()
    parts: list[_Part] = []
    for base, surface, link in _best_split(word, words) or ():
        sub = _decompose(surface)
        if sub:
            parts.extend(sub[:-1])
            parts.append((*sub[-1][:2], sub[-1][2] + link))
        else:
            parts.append((base, surface, link))
    return tuple(parts)


def split_compound(word: str) -> list[str]:
    """Folded parts of a German compound, or ``[normalize(word)]`` if it splits not.

    "Wohngeldantrag" → ["wohn", "geld", "antrag"], "Bürgeramt" → ["burger", "amt"].
    """
    parts = _decompose(_light(word).strip())
    return [base for base, _, _ in parts] or [normalize(word).strip()]


def _compound_terms(light_word: str) -> tuple[list[str], list[str]]:
    """Folded (contiguous sub-compounds of two parts or more, parts) of a word."""
    parts = _decompose(light_word)
    subs = [
        _fold_word("".join(s + link for _, s, link in parts[i : j - 1]) + parts[j - 1][1])
        for i in range(len(parts))
        for j in range(i + 2, len(parts) + 1)
        if j - i < len(parts)
    ]
    return subs, [base for base, _, _ in parts]


def analyze(text: str) -> list[str]:
    """Index terms of a text: per token the stems of the word, sub-compounds and parts."""
    terms: dict[str, None] = {}
    for w in _light_tokens(text):
        subs, parts = _compound_terms(w)
        for t in (_fold_word(w), *subs, *parts):
            terms.setdefault(stem(t))
    return list(terms)


def analyze_query(text: str) -> list[list[tuple[str, ...]]]:
    """Query groups: all groups must match; a group matches if one alternative's terms all do.

    Alternatives of a compound: its stem, each sub-compound's stem (so "Radverkehrsnetz"
    finds "Radverkehr"), and all its parts together ("Antrag auf Wohngeld").
    """
    groups = []
    for w in _light_tokens(text):
        subs, parts = _compound_terms(w)
        alts = [(stem(_fold_word(w)),), *((stem(s),) for s in subs)]
        if parts:
            alts.append(tuple(dict.fromkeys(stem(p) for p in parts)))
        groups.append(list(dict.fromkeys(alts)))
    return groups


# --- typos ---------------------------------------------------------------------------


def _within_one(a: str, b: str) -> bool:
    """Optimal-string-alignment distance <= 1 (one insertion, deletion, swap, transposition)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i : i + 2] == b[i : i + 2][::-1]
    return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])


def _half_keys(term: str, m: int) -> tuple[str, str]:
    """Keys for partners whose shorter length is ``m``: one edit leaves a half intact.

    With k = (m - 1) // 2, a single substitution, insertion, deletion or transposition
    cannot touch both the first k and the last k letters, so two words one edit apart
    share the prefix key or the suffix key.
    """
    k = (m - 1) // 2
    return f"{m}<{term[:k]}", f"{m}>{term[len(term) - k :]}"


class TypoIndex:
    """Words of a vocabulary one edit away from a word.

    Build it over normalised, unstemmed words of the index (e.g. from :func:`tokenize`),
    look up a query word that found nothing, and search for the corrections instead.
    Each word is filed under four keys (its half prefix and suffix for the two possible
    partner lengths) rather than SymSpell's one key per deletion, which keeps memory
    small; a lookup verifies the few candidates sharing a key. Only words of
    ``min_length`` letters or more are looked up: short words have too many neighbours.
    """

    def __init__(self, vocabulary: Iterable[str], min_length: int = 5):
        self.min_length = min_length
        self._keys: dict[str, list[str]] = {}
        for term in set(vocabulary):
            if len(term) >= min_length - 1:
                for m in (len(term) - 1, len(term)):
                    for key in _half_keys(term, m):
                        self._keys.setdefault(key, []).append(term)

    def lookup(self, term: str) -> set[str]:
        """Vocabulary words at edit distance exactly 1 from ``term`` (which is normalised)."""
        if len(term) < self.min_length:
            return set()
        found = set()
        for m in (len(term) - 1, len(term)):
            for key in _half_keys(term, m):
                for cand in self._keys.get(key, ()):
                    if cand != term and _within_one(term, cand):
                        found.add(cand)
        return found
