"""Loading the public reference data shipped in ``knowledge/data/`` (see SOURCES.md).

Every loader is an idempotent upsert keyed by the official key: running it again
changes nothing, and a changed upstream file updates rows in place.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from knowledge import labels
from knowledge.models import (
    CatalogueLabel,
    Lebenslage,
    LeikaLeistung,
    Leistung,
    Region,
    Themenfeld,
)
from knowledge.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"

KREIS_PREFIX = {"LANDKREIS": "Landkreis", "KREIS": "Kreis"}


@dataclass
class LoadResult:
    model: str
    total: int
    created: int


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def gemeinde_short_name(name):
    """Destatis writes "Köln, Stadt" or "Stuttgart, Landeshauptstadt": keep the name."""
    return name.split(",")[0].strip()


def kreis_short_name(name, kind):
    base = gemeinde_short_name(name)
    prefix = KREIS_PREFIX.get(kind)
    if (
        prefix
        and "kreis" not in base.lower()
        and not base.lower().startswith(("region ", "städteregion"))
    ):
        return f"{prefix} {base}"
    return base


def _int(value):
    return int(value) if value not in ("", None) else None


def _decimal(value):
    return Decimal(value).quantize(Decimal("0.000001")) if value not in ("", None) else None


def _upsert(model, objects, unique_fields, update_fields):
    before = model.objects.count()
    model.objects.bulk_create(
        objects,
        batch_size=500,
        update_conflicts=True,
        unique_fields=unique_fields,
        update_fields=update_fields,
    )
    return LoadResult(model._meta.verbose_name_plural, len(objects), model.objects.count() - before)


REGION_FIELDS = [
    "level",
    "name",
    "short_name",
    "search_name",
    "kind",
    "land",
    "kreis",
    "ars",
    "population",
    "area_ha",
    "postcode",
    "latitude",
    "longitude",
]


def load_regions(data_dir=DATA_DIR):
    regions = data_dir / "regions"
    laender = [
        Region(
            code=row["land_code"],
            level=Region.Level.LAND,
            name=row["name"],
            short_name=row["name"],
            search_name=fold(row["name"]),
            kind="LAND",
            land_id=row["land_code"],
            population=_int(row["einwohner"]),
            area_ha=_int(row["flaeche_ha"]),
        )
        for row in read_csv(regions / "laender.csv")
    ]
    kreise = []
    for row in read_csv(regions / "kreise.csv"):
        short = kreis_short_name(row["name"], row["typ"])
        kreise.append(
            Region(
                code=row["kreis_code"],
                level=Region.Level.KREIS,
                name=row["name"],
                short_name=short,
                search_name=fold(short),
                kind=row["typ"],
                land_id=row["land_code"],
                kreis_id=row["kreis_code"],
                population=_int(row["einwohner"]),
                area_ha=_int(row["flaeche_ha"]),
            )
        )
    kreis_codes = {k.code for k in kreise}
    gemeinden = []
    for row in read_csv(regions / "gemeinden_mit_koordinaten.csv"):
        short = gemeinde_short_name(row["name"])
        # Three uninhabited areas (07000999, 13000998, 13000999) belong to no Kreis.
        kreis_code = row["kreis_code"] if row["kreis_code"] in kreis_codes else None
        has_position = row["lat"] not in ("", "0") and row["lon"] not in ("", "0")
        gemeinden.append(
            Region(
                code=row["ags"],
                level=Region.Level.GEMEINDE,
                name=row["name"],
                short_name=short,
                search_name=fold(short),
                kind=row["typ"],
                land_id=row["land_code"],
                kreis_id=kreis_code,
                ars=row["ars"],
                population=_int(row["einwohner"]),
                area_ha=_int(row["flaeche_ha"]),
                postcode=row["plz"],
                latitude=_decimal(row["lat"]) if has_position else None,
                longitude=_decimal(row["lon"]) if has_position else None,
            )
        )
    results = []
    # A Land points at itself: insert the Länder without that link first.
    for land in laender:
        land.land_id = None
    results.append(_upsert(Region, laender, ["code"], REGION_FIELDS))
    Region.objects.filter(level=Region.Level.LAND, land__isnull=True).update(land=F("code"))
    results.append(_upsert(Region, kreise, ["code"], REGION_FIELDS))
    results.append(_upsert(Region, gemeinden, ["code"], REGION_FIELDS))
    return results


def load_ozg(data_dir=DATA_DIR):
    ozg = data_dir / "ozg"
    themenfelder = [
        Themenfeld(
            kdn_id=int(row["themenfeld_id_kdn"]),
            name=row["themenfeld"],
            slug=slugify(row["themenfeld"].replace("&", "und")),
        )
        for row in read_csv(ozg / "ozg_themenfelder.csv")
    ]
    results = [_upsert(Themenfeld, themenfelder, ["kdn_id"], ["name", "slug"])]
    tf_by_kdn = dict(Themenfeld.objects.values_list("kdn_id", "pk"))
    tf_by_name = dict(Themenfeld.objects.values_list("name", "pk"))

    lagen = [
        Lebenslage(
            kdn_id=int(row["lage_id_kdn"]),
            name=row["lebens_oder_geschaeftslage"],
            themenfeld_id=tf_by_kdn[int(row["themenfeld_id_kdn"])],
        )
        for row in read_csv(ozg / "ozg_lebenslagen.csv")
    ]
    results.append(_upsert(Lebenslage, lagen, ["kdn_id"], ["name", "themenfeld"]))
    lage_by_kdn = dict(Lebenslage.objects.values_list("kdn_id", "pk"))

    leistungen = [
        Leistung(
            ozg_id=int(row["ozg_id"]),
            name=row["ozg_leistung"],
            search_name=fold(row["ozg_leistung"]),
            lebenslage_id=lage_by_kdn[int(row["lage_id_kdn"])],
            themenfeld_id=tf_by_name[row["themenfeld"]],
        )
        for row in read_csv(ozg / "ozg_leistungen.csv")
    ]
    results.append(
        _upsert(
            Leistung, leistungen, ["ozg_id"], ["name", "search_name", "lebenslage", "themenfeld"]
        )
    )

    seen = set()
    leika = []
    for row in read_csv(ozg / "ozg_leika_leistungen.csv"):
        if not row["ozg_id"]:
            # 26 lines map a service to no OZG-Leistung: nothing to attach them to.
            continue
        key = row["leika_schluessel"] if row["leika_schluessel"].isdigit() else ""
        identity = (int(row["ozg_id"]), key, row["leika_bezeichnung"])
        if identity in seen:  # the source has one exact duplicate line
            continue
        seen.add(identity)
        leika.append(LeikaLeistung(leistung_id=identity[0], key=key, name=identity[2]))
    before = LeikaLeistung.objects.count()
    LeikaLeistung.objects.bulk_create(leika, batch_size=1000, ignore_conflicts=True)
    results.append(
        LoadResult(
            LeikaLeistung._meta.verbose_name_plural,
            len(leika),
            LeikaLeistung.objects.count() - before,
        )
    )
    return results


def load_labels(data_dir=DATA_DIR):
    """One German :class:`CatalogueLabel` per Land, Themenfeld, Lage and Leistung (the
    source editors translate), and the English names we ship (``labels_en.csv``: the
    Länder's usual English names and our translation of the 14 Themenfelder; the data
    has no English) as wagtail-localize translations where none exists yet.

    A German name that changed upstream is updated and its translations synchronised
    (the changed string then waits for its translator); an existing translation is
    never overwritten by the shipped one.
    """
    from home.translation import sync, translate

    german = Locale.get_default()
    wanted = {
        (CatalogueLabel.Kind.LAND, code): name
        for code, name in Region.objects.filter(level=Region.Level.LAND).values_list(
            "code", "short_name"
        )
    }
    for kind, model, key in (
        (CatalogueLabel.Kind.THEMENFELD, Themenfeld, "kdn_id"),
        (CatalogueLabel.Kind.LEBENSLAGE, Lebenslage, "kdn_id"),
        (CatalogueLabel.Kind.LEISTUNG, Leistung, "ozg_id"),
    ):
        wanted.update({(kind, str(k)): name for k, name in model.objects.values_list(key, "name")})
    existing = {
        (label.kind, label.key): label for label in CatalogueLabel.objects.filter(locale=german)
    }
    changed = [
        label
        for ident, label in existing.items()
        if ident in wanted and label.name != wanted[ident]
    ]
    for label in changed:
        label.name = wanted[(label.kind, label.key)]
    CatalogueLabel.objects.bulk_update(changed, ["name"], batch_size=500)
    CatalogueLabel.objects.bulk_create(
        [
            CatalogueLabel(kind=kind, key=key, name=name, locale=german)
            for (kind, key), name in wanted.items()
            if (kind, key) not in existing
        ],
        batch_size=500,
    )
    for label in changed:
        sync(label)

    results = [
        LoadResult(
            CatalogueLabel._meta.verbose_name_plural, len(wanted), len(wanted) - len(existing)
        )
    ]
    created = 0
    english = Locale.objects.filter(language_code="en").first()
    for row in read_csv(data_dir / "labels_en.csv") if english else ():
        source = CatalogueLabel.objects.filter(
            kind=row["kind"], key=row["key"], locale=german
        ).first()
        if source is None or source.has_translation(english):
            continue
        translate(source, english, {source.name: row["name_en"]})
        created += 1
    results.append(LoadResult(_("Englische Bezeichnungen"), created, created))
    labels.forget()
    return results


@transaction.atomic
def load_all(data_dir=DATA_DIR):
    return load_regions(data_dir) + load_ozg(data_dir) + load_labels(data_dir)
