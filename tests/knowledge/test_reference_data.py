import hashlib
import io

import pytest
from django.core.management import call_command

from knowledge.models import Lebenslage, LeikaLeistung, Leistung, Region, Themenfeld

pytestmark = pytest.mark.django_db


def fingerprint():
    """A hash over every row of the reference tables."""
    digest = hashlib.sha256()
    for model in (Region, Themenfeld, Lebenslage, Leistung, LeikaLeistung):
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_counts(reference_data):
    assert Region.objects.filter(level="land").count() == 16
    assert Region.objects.filter(level="kreis").count() == 400
    assert Region.objects.filter(level="gemeinde").count() == 10_953
    assert Themenfeld.objects.count() == 14
    assert Lebenslage.objects.count() == 55
    assert Leistung.objects.count() == 557
    # 5,249 lines: 26 map to no OZG-Leistung and one is an exact duplicate.
    assert LeikaLeistung.objects.count() == 5_222


def test_spot_checks(reference_data):
    stuttgart = Region.objects.get(code="08111000")
    assert stuttgart.short_name == "Stuttgart"
    assert stuttgart.land.short_name == "Baden-Württemberg"
    assert stuttgart.kreis_id == "08111"
    assert stuttgart.population > 500_000
    assert 48 < stuttgart.latitude < 49 and 9 < stuttgart.longitude < 10
    koeln = Region.objects.get(code="05315000")
    assert koeln.short_name == "Köln" and koeln.land_id == "05"
    assert koeln.ars == "053150000000"
    elterngeld = Leistung.objects.get(ozg_id=10000)
    assert elterngeld.name == "Elterngeld"
    assert elterngeld.themenfeld.name == "Familie & Kind"
    assert elterngeld.lebenslage.name == "Geburt"
    assert elterngeld.leika_leistungen.exclude(key="").exists()
    assert all(
        len(k) == 14
        for k in LeikaLeistung.objects.exclude(key="").values_list("key", flat=True)[:100]
    )
    assert Region.objects.get(code="05762").short_name == "Kreis Höxter"
    assert Region.objects.get(code="05162").short_name == "Rhein-Kreis Neuss"


def test_loading_twice_changes_nothing(reference_data):
    before = fingerprint()
    call_command("load_reference_data", stdout=io.StringIO())
    assert fingerprint() == before


def test_loader_repairs_a_changed_row(reference_data):
    Region.objects.filter(code="08111000").update(short_name="Stuggi", population=1)
    call_command("load_reference_data", stdout=io.StringIO())
    stuttgart = Region.objects.get(code="08111000")
    assert (stuttgart.short_name, stuttgart.population > 1) == ("Stuttgart", True)


def test_labels_tell_the_neustadts_apart(reference_data):
    labels = [
        r.label
        for r in Region.municipal()
        .filter(short_name__startswith="Neustadt")
        .select_related("kreis", "land")
    ]
    assert len(labels) == len(set(labels)) > 10
    assert "Neustadt a.d.Donau (Landkreis Kelheim, Bayern)" in labels
    assert "Neustadt an der Weinstraße (kreisfrei, Rheinland-Pfalz)" in labels


def test_kreisfreie_stadt_is_offered_once(reference_data):
    assert Region.municipal().filter(short_name="Köln").count() == 1
