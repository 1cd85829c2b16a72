import re

import pytest

pytestmark = pytest.mark.django_db


def choices(response):
    assert response.status_code == 200
    html = response.content.decode()
    return [
        " ".join(m.split()) for m in re.findall(r"data-chooser-modal-choice[^>]*>([^<]+)<", html)
    ]


def test_region_chooser_finds_by_typed_name(reference_data, admin_client):
    found = choices(admin_client.get("/admin/region_chooser/results/", {"q": "Neustadt"}))
    assert "Neustadt a.d.Donau (Landkreis Kelheim, Bayern)" in found
    assert "Neustadt in Holstein (Kreis Ostholstein, Schleswig-Holstein)" in found


@pytest.mark.parametrize("typed", ["München", "muenchen", "MÜNCH"])
def test_region_chooser_folds_umlauts(reference_data, admin_client, typed):
    found = choices(admin_client.get("/admin/region_chooser/results/", {"q": typed}))
    assert found[0] == "München (kreisfrei, Bayern)"


def test_region_chooser_finds_by_ags_and_offers_kreise(reference_data, admin_client):
    assert choices(admin_client.get("/admin/region_chooser/results/", {"q": "08111000"})) == [
        "Stuttgart (kreisfrei, Baden-Württemberg)"
    ]
    found = choices(admin_client.get("/admin/region_chooser/results/", {"q": "Höxter"}))
    assert "Kreis Höxter (Nordrhein-Westfalen)" in found


def test_region_chooser_returns_a_chosen_region(reference_data, admin_client):
    response = admin_client.get("/admin/region_chooser/chosen/05315000/")
    assert response.status_code == 200
    assert response.json()["result"] == {
        "id": "05315000",
        "title": "Köln (kreisfrei, Nordrhein-Westfalen)",
        "edit_url": None,
    }


def test_leistung_chooser(reference_data, admin_client):
    found = choices(admin_client.get("/admin/leistung_chooser/results/", {"q": "elterng"}))
    assert "Elterngeld (10000)" in found
    assert choices(admin_client.get("/admin/leistung_chooser/results/", {"q": "10000"}))[0] == (
        "Elterngeld (10000)"
    )
