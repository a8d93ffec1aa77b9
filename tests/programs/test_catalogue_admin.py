"""The catalogue as an admin edits it: formulas are checked, messages in Indonesian, nothing half saved."""

import pytest
from django.urls import reverse

from programs.models import DataElement, Indicator, Program

pytestmark = pytest.mark.django_db


def indicator_form(**overrides) -> dict:
    data = {
        "code": "UJI", "name": "Indikator uji", "programs": [Program.objects.get(code="spm").pk],
        "definition": "uji", "source": "uji", "order": "0", "numerator": "BUMIL_K1", "denominator": "pop.bumil",
        "factor": "100", "unit": "%", "window": "YTD", "min_denominator": "1", "target": "100",
        "higher_is_better": "on",
    }  # fmt: skip
    return data | overrides


@pytest.mark.parametrize(
    ("numerator", "message"),
    [
        ("BUMIL_K1 +", "Rumus berakhir terlalu cepat"),
        ("BUMIL_K1 ** 2", "pada posisi 11 tidak semestinya di situ"),
        ("BUMIL_K9", "Tidak ada elemen data dengan kode BUMIL_K9"),
        ("(BUMIL_K1", "Kurung buka pada posisi 1 tidak pernah ditutup"),
        ("import os", "Karakter i pada posisi 1 tidak diperbolehkan"),
    ],
)
def test_malformed_numerator_is_refused_in_indonesian(client, personas, numerator, message):
    client.force_login(personas["admin"])
    response = client.post(reverse("admin:programs_indicator_add"), indicator_form(numerator=numerator))
    assert message in response.content.decode()
    assert not Indicator.objects.filter(code="UJI").exists()


def test_unknown_population_in_the_denominator(client, personas):
    client.force_login(personas["admin"])
    response = client.post(reverse("admin:programs_indicator_add"), indicator_form(denominator="pop.ibu"))
    assert "pop.ibu bukan kelompok sasaran" in response.content.decode()


def test_good_formula_is_saved(client, personas):
    client.force_login(personas["staf"])  # Staf Dinkes curate indicators
    response = client.post(reverse("admin:programs_indicator_add"), indicator_form())
    assert response.status_code == 302
    assert Indicator.objects.get(code="UJI").rate(50, 200) == 25.0


def test_catalogue_is_seeded():
    assert set(Program.objects.values_list("code", flat=True)) == {"spm", "permaisuri", "krisnna", "kleopatra", "ilp"}
    assert sorted(Indicator.objects.exclude(spm_service=None).values_list("spm_service", flat=True)) == list(
        range(1, 13)
    )
    assert DataElement.objects.filter(aggregation="LAST").count() == 5
    for indicator in Indicator.objects.all():
        indicator.full_clean()


def test_validation_rule_formulas_are_checked(client, personas):
    client.force_login(personas["staf"])
    data = {"code": "UJI", "left": "BBLR", "operator": "<=", "right": "LAHIR_HIDUPP", "severity": "error",
            "message": "uji", "is_active": "on"}  # fmt: skip
    response = client.post(reverse("admin:reports_validationrule_add"), data)
    assert "Tidak ada elemen data dengan kode LAHIR_HIDUPP" in response.content.decode()
    data["right"] = "LAHIR_HIDUP"
    assert client.post(reverse("admin:reports_validationrule_add"), data).status_code == 302
