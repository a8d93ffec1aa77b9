import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count

from regions.loading import PROVISIONAL_VALID_FROM, load_semarang
from regions.models import Kecamatan, Kelurahan, Puskesmas, ServiceArea

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list()) for model in (Kecamatan, Kelurahan, Puskesmas, ServiceArea)
    }


def test_counts(semarang):
    assert Kecamatan.objects.count() == 16
    assert Kelurahan.objects.count() == 177
    assert Kelurahan.objects.filter(boundary__isnull=False, centroid_lat__isnull=False).count() == 177
    assert Puskesmas.objects.count() == 40
    assert Puskesmas.objects.active().count() == 39
    assert not Puskesmas.objects.get(code="puskesmas-kaligawe").is_active


def test_codes_are_kemendagri(semarang):
    assert Kelurahan.objects.get(code="33.74.01.1001").name == "Miroto"
    assert Kecamatan.objects.get(code="33.74.14").name == "Mijen"


def test_second_run_changes_nothing(semarang, capsys):
    before = snapshot()
    assert load_semarang().total == 0
    call_command("load_semarang")
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot() == before


def test_working_areas_cover_every_kelurahan_exactly_once(semarang):
    today = datetime.date.today()
    per_kelurahan = ServiceArea.objects.on(today).values("kelurahan").annotate(n=Count("id"))
    assert per_kelurahan.count() == 177
    assert {row["n"] for row in per_kelurahan} == {1}
    assert not ServiceArea.objects.on(today).filter(puskesmas__is_active=False).exists()
    assert ServiceArea.objects.filter(is_provisional=True, valid_from=PROVISIONAL_VALID_FROM).count() == 177


def test_working_areas_stay_inside_the_kecamatan(semarang):
    for area in ServiceArea.objects.select_related("kelurahan", "puskesmas"):
        assert area.kelurahan.kecamatan_id == area.puskesmas.kecamatan_id


def test_every_active_puskesmas_serves_at_least_one_kelurahan(semarang):
    empty = Puskesmas.objects.active().annotate(n=Count("service_areas")).filter(n=0)
    assert list(empty) == []


def test_reload_keeps_a_correction_made_by_dinkes(semarang, poncol):
    kelurahan = Kelurahan.objects.get(code="33.74.01.1001")  # Miroto, provisionally Puskesmas Miroto
    correction = ServiceArea(kelurahan=kelurahan, puskesmas=poncol, valid_from=datetime.date(2026, 1, 1))
    correction.close_open_predecessor()
    correction.save()
    Puskesmas.objects.filter(code="puskesmas-kaligawe").update(is_active=True)
    load_semarang()
    assert ServiceArea.objects.on(datetime.date(2026, 6, 1)).get(kelurahan=kelurahan).puskesmas == poncol
    assert ServiceArea.objects.on(datetime.date(2025, 6, 1)).get(kelurahan=kelurahan).puskesmas.code == (
        "puskesmas-miroto"
    )
    assert Puskesmas.objects.get(code="puskesmas-kaligawe").is_active
