"""Case studies from the OK Lab project descriptions of codefor.de (CC BY 4.0).

Source: ``knowledge/data/corpus/codefor_de_projekte_blog.jsonl`` (see SOURCES.md). Every
case study built from it carries the record's ``source`` URL and ``license``, which the
case study template shows. The Markdown text becomes sanitised HTML in Wagtail's rich
text subset; images and links inside the site of origin are dropped.
"""

import json
import re
from datetime import date
from pathlib import Path

import nh3

from knowledge.markdown import markdown_to_rich_text

CORPUS = (
    Path(__file__).resolve().parents[2]
    / "knowledge"
    / "data"
    / "corpus"
    / "codefor_de_projekte_blog.jsonl"
)

# OK Lab city slug -> AGS of the city (kreisfreie Städte, Gemeinde entry).
LAB_AGS = {
    "berlin": "11000000",
    "bielefeld": "05711000",
    "bonn": "05314000",
    "darmstadt": "06411000",
    "dresden": "14612000",
    "flensburg": "01001000",
    "heilbronn": "08121000",
    "koeln": "05315000",
    "leipzig": "14713000",
    "magdeburg": "15003000",
    "muenchen": "09162000",
}

LAB_NAMES = {
    "berlin": "Berlin",
    "bielefeld": "Bielefeld",
    "bonn": "Bonn",
    "darmstadt": "Darmstadt",
    "dresden": "Dresden",
    "flensburg": "Flensburg",
    "heilbronn": "Heilbronn",
    "koeln": "Köln",
    "leipzig": "Leipzig",
    "magdeburg": "Magdeburg",
    "muenchen": "München",
}

# Record id -> OZG-IDs that clearly fit (an empty list: Themenfelder only).
SELECTION = {
    "content/projekte/2016-06-13-cologne-sagsunskoeln.md": [10136],  # Mängel melden
    "content/projekte/2014-02-22-hn-muellabfuhrtermine.md": [10110],  # Abfallentsorgung
    "content/projekte/2014-07-13-le-ratskarte_leipzig.md": [],
    "content/projekte/2014-05-06-le-kitas_und_schulen_in_leipzig.md": [10019],
    "content/projekte/2014-04-19-dd-freieparkplaetze.md": [],
    "content/projekte/2018-01-11-meine-stadt-transparent.md": [],
    "content/projekte/2023-12-07-fl-open-kita-map.md": [10019],  # Kindertagesbetreuung
    "content/projekte/2024-01-26-fl-open-school-map.md": [10041],  # Schulaufnahme
    "content/projekte/2015-04-22-be-berliner-schulen.md": [10041],
    "content/projekte/2015-10-27-bn-air-quality-box.md": [],
    "content/projekte/2021-12-21-da-leika-tool.md": [],
    "content/projekte/2019-01-01-magdeburg-baumfreunde-md.md": [],
    "content/projekte/2025-03-21_baumbie_bielefeld.md": [],
}

# A few keyword rules: (pattern on title and text, Themenfeld name).
THEMENFELD_RULES = [
    (r"\bkita|kindertages|spielpl", "Familie & Kind"),
    (r"schule|schüler|bildung", "Bildung"),
    (r"parkpl|parkhaus|verkehr|nahverkehr|fahrrad", "Mobilität & Reisen"),
    (r"feinstaub|luftqualität|trinkwasser|bäume|baum|klima|umwelt", "Umwelt"),
    (r"müll|abfall|recycling", "Bauen & Wohnen"),
    (
        r"ratsinformation|stadtrat|kommunalpolitik|verwaltungsleistung|leistungskatalog",
        "Querschnitt",
    ),
    (r"bürger.{0,20}melden|stadtbild|ehrenamt", "Engagement & Hobby"),
]

STATUS = [  # first match wins; the corpus' status texts are free-form
    (r"produktiv|abgeschlossen|finished|fertig|done|released", "betrieb"),
    (r"konzept|machbarkeit|idee", "idee"),
]


def load_records(path=CORPUS):
    with open(path, encoding="utf-8") as f:
        records = {r["id"]: r for r in map(json.loads, f)}
    return [records[record_id] for record_id in SELECTION]


def plain_text(html):
    return re.sub(r"\s+", " ", nh3.clean(html, tags=set())).strip()


ABBREVIATIONS = ("z.B.", "z. B.", "u.a.", "u. a.", "bzw.", "ca.", "etc.", "d.h.", "usw.")


def teaser(html, limit=280):
    """The first sentences of the text's paragraphs, at most ``limit`` characters."""
    paragraphs = " ".join(re.findall(r"<p>(.*?)</p>", html, flags=re.S)) or html
    text = plain_text(paragraphs)
    for abbreviation in ABBREVIATIONS:  # no sentence ends after "z.B."
        text = text.replace(abbreviation, abbreviation.replace(".", "\0"))
    result = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if len(result) + len(sentence) + 1 > limit:
            break
        result = f"{result} {sentence}".strip()
    result = result or text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return result.replace("\0", ".")


def themenfelder_for(record, html):
    haystack = f"{record['title']} {plain_text(html)}".lower()
    return sorted({name for pattern, name in THEMENFELD_RULES if re.search(pattern, haystack)})


def status_for(record):
    value = (record.get("status") or "").lower()
    for pattern, status in STATUS:
        if re.search(pattern, value):
            return status
    return "pilot"  # running, in development or looking for volunteers


def case_study_data(record):
    """Field values for a CaseStudyPage (people and organisations are added by the
    builder)."""
    lab = record["lab"][0]
    html = markdown_to_rich_text(record["text"], record["title"])
    return {
        "title": record["title"],
        "lab": lab,
        "lab_name": LAB_NAMES[lab],
        "municipality": LAB_AGS[lab],
        "leistungen": SELECTION[record["id"]],
        "themenfelder": themenfelder_for(record, html),
        "status": status_for(record),
        "start_date": date.fromisoformat(record["date"]) if _is_date(record["date"]) else None,
        "teaser_text": teaser(html),
        "body_html": html,
        "source_url": record["source"],
        "source_license": record["license"],
    }


def _is_date(value):
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
