"""Small helpers for German names: case and umlaut folding for lookups."""

import unicodedata

_TRANSLITERATIONS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))


def fold(text: str) -> str:
    """Fold a name for prefix/substring matching.

    Both "München" and "Muenchen" fold to "munchen", "Straße" to "strasse"; accents
    are dropped. Used for the region and OZG-Leistung choosers.
    """
    text = text.casefold()
    for umlaut, digraph in _TRANSLITERATIONS:
        if umlaut != "ß":
            text = text.replace(digraph, umlaut)
    text = text.replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
