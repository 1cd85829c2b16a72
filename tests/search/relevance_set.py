"""Relevance set for German search: pages and queries with their relevant page titles.

Pages: the first 70 German project descriptions of the Code for Germany corpus
(``knowledge/data/corpus/codefor_de_projekte_blog.jsonl``, title and the first 1,500
characters of the text; a repeated title is kept once) plus a few hand-written municipal
case studies. Queries come in six kinds; each names the titles a good search must show in
its first ten results.
"""

import json
import re
from pathlib import Path

CORPUS = (
    Path(__file__).resolve().parents[2] / "knowledge/data/corpus/codefor_de_projekte_blog.jsonl"
)
CORPUS_PAGES = 70
TEXT_CHARS = 1500


def corpus_pages():
    """(title, text) of the corpus pages: German project descriptions, unique titles."""
    pages, seen = [], set()
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["text"][:TEXT_CHARS]
            german = len(re.findall(r"\b(und|der|die|das)\b", text)) >= 8
            if row["kind"] != "projekte" or row["n_chars"] < 400 or not german:
                continue
            if row["title"] not in seen:
                seen.add(row["title"])
                pages.append((row["title"], text))
            if len(pages) == CORPUS_PAGES:
                break
    return pages


MUNICIPAL_PAGES = [
    (
        "Digitale Baugenehmigung im Landratsamt",
        "Der Landkreis bearbeitet jede Baugenehmigung digital. Bauherren reichen den "
        "Bauantrag online ein und verfolgen den Stand des Verfahrens.",
    ),
    (
        "Wohngeldantrag online stellen",
        "Mit dem neuen Wohngeldantrag sparen Haushalte den Weg zur Wohngeldstelle; "
        "Nachweise werden hochgeladen.",
    ),
    (
        "Antrag auf Wohngeld ohne Papier",
        "Die Stadt prüft jeden Antrag auf Wohngeld vollständig digital.",
    ),
    (
        "Terminvergabe im Bürgeramt",
        "Das Bürgeramt vergibt Termine für Personalausweis und Meldebescheinigung online.",
    ),
    (
        "Radverkehr zählen und planen",
        "Zählstellen erfassen den Radverkehr; die Daten helfen bei der Planung neuer Radwege.",
    ),
    (
        "Straßenreinigung per App melden",
        "Bürgerinnen melden verschmutzte Straßen; die Straßenreinigung erhält die Meldung "
        "mit Foto und Standort.",
    ),
    (
        "Kfz-Zulassung ohne Wartezeit",
        "Die Zulassungsstelle bearbeitet Zulassungen von Fahrzeugen vollständig online.",
    ),
    (
        "Hundesteuer digital anmelden",
        "Hundehalter melden ihren Hund online an; der Steuerbescheid kommt per E-Mail.",
    ),
    (
        "Sperrmüll online bestellen",
        "Die Abfallwirtschaft nimmt Anmeldungen zur Sperrmüllabholung rund um die Uhr an.",
    ),
]

# (kind, query, relevant titles)
QUERIES = [
    # exact: the word as the page writes it
    ("exact", "Kastanienbäume", ["Kastanienapp"]),
    ("exact", "Stadtratmonitor", ["Stadtratmonitor Leipzig"]),
    ("exact", "Handschwengelpumpen", ["Leipzig pumpt"]),
    ("exact", "Sozialatlas", ["Sozialatlas der Stadt Flensburg"]),
    (
        "exact",
        "Polizeiticker",
        ["Visualisierung der Polizeiticker Meldungen der Leipziger Volkszeitung"],
    ),
    ("exact", "Baugenehmigung", ["Digitale Baugenehmigung im Landratsamt"]),
    ("exact", "Bürgeramt", ["Terminvergabe im Bürgeramt"]),
    ("exact", "Sperrmüll", ["Sperrmüll online bestellen"]),
    # inflection: another form of a word on the page
    ("inflection", "Spielplatz", ["Spielplätze in Köln"]),
    ("inflection", "Weihnachtsmärkten", ["Wo ist Weihnachtsmarkt?"]),
    ("inflection", "Baugenehmigungen", ["Digitale Baugenehmigung im Landratsamt"]),
    ("inflection", "Haltestelle", ["fancyLVBot"]),
    ("inflection", "Wahlkreis", ["Wahlkreise in Sachsen"]),
    ("inflection", "Straßenbaum", ["Straßenbäume der Stadt Flensburg"]),
    ("inflection", "Wahlautomaten", ["BONN-O-MAT Wahlautomat für die Oberbürgermeisterwahl 2015"]),
    ("inflection", "Brücke", ["Wie viele Brücken hat Hamburg?"]),
    # compound-part: a part of a compound the page uses
    ("compound-part", "Kastanien", ["Kastanienapp"]),
    ("compound-part", "Biotop", ["Interaktive Biotopkarte mit Wertbiotopen und Nichtwertbiotopen"]),
    ("compound-part", "Laternen", ["Sag's uns App Köln"]),
    (
        "compound-part",
        "Wohngeld",
        ["Wohngeldantrag online stellen", "Antrag auf Wohngeld ohne Papier"],
    ),
    ("compound-part", "Zulassung", ["Kfz-Zulassung ohne Wartezeit"]),
    ("compound-part", "Immobilien", ["Gebäude-Entwicklung in Leipzig"]),
    ("compound-part", "Abholung", ["Sperrmüll online bestellen"]),
    ("compound-part", "Pumpen", ["Leipzig pumpt"]),
    # compound-whole: a compound whose parts or modifier the page uses
    ("compound-whole", "Radverkehrsnetz", ["Radverkehr zählen und planen"]),
    (
        "compound-whole",
        "Wohngeldantrag",
        ["Wohngeldantrag online stellen", "Antrag auf Wohngeld ohne Papier"],
    ),
    ("compound-whole", "Bürgeramtstermin", ["Terminvergabe im Bürgeramt"]),
    ("compound-whole", "Weihnachtsmarktstände", ["Wo ist Weihnachtsmarkt?"]),
    ("compound-whole", "Haltestellenplan", ["fancyLVBot"]),
    ("compound-whole", "Sozialatlasdaten", ["Sozialatlas der Stadt Flensburg"]),
    ("compound-whole", "Stadtratmonitorprojekt", ["Stadtratmonitor Leipzig"]),
    ("compound-whole", "Hundesteuerbescheid", ["Hundesteuer digital anmelden"]),
    # transliteration: ae/oe/ue/ss typed for ä/ö/ü/ß
    ("transliteration", "Buergeramt", ["Terminvergabe im Bürgeramt"]),
    ("transliteration", "Strassenreinigung", ["Straßenreinigung per App melden"]),
    ("transliteration", "Spielplaetze", ["Spielplätze in Köln"]),
    ("transliteration", "Bruecken", ["Wie viele Brücken hat Hamburg?"]),
    ("transliteration", "Klaerwerk", ["Gläsernes Klärwerk"]),
    ("transliteration", "Strassenbaeume", ["Straßenbäume der Stadt Flensburg"]),
    (
        "transliteration",
        "Oberbuergermeisterwahl",
        ["BONN-O-MAT Wahlautomat für die Oberbürgermeisterwahl 2015"],
    ),
    ("transliteration", "Sperrmuell", ["Sperrmüll online bestellen"]),
    # typo: one letter wrong, missing, extra or swapped in a distinctive word
    ("typo", "Kastanienbäune", ["Kastanienapp"]),
    ("typo", "Handschwengelpumpne", ["Leipzig pumpt"]),
    ("typo", "Stadtratmonitro", ["Stadtratmonitor Leipzig"]),
    (
        "typo",
        "Polizeitiker",
        ["Visualisierung der Polizeiticker Meldungen der Leipziger Volkszeitung"],
    ),
    ("typo", "Weihnachtsmakt", ["Wo ist Weihnachtsmarkt?"]),
    ("typo", "Baugenehmigugn", ["Digitale Baugenehmigung im Landratsamt"]),
    (
        "typo",
        "Biotopkartierunh",
        ["Interaktive Biotopkarte mit Wertbiotopen und Nichtwertbiotopen"],
    ),
    ("typo", "Sozialatlsa", ["Sozialatlas der Stadt Flensburg"]),
]

KINDS = ["exact", "inflection", "compound-part", "compound-whole", "transliteration", "typo"]
