import pytest
from django.core.management import call_command

from accounts.models import User
from accounts.roles import Role
from regions.models import Population, Puskesmas

pytestmark = pytest.mark.django_db


def values() -> list:
    return list(Population.objects.order_by("kelurahan__code", "year", "group").values_list("value", flat=True))


def test_demo_users_for_every_role(semarang, settings, capsys):
    settings.DEMO_PASSWORD = "demo-rahasia-42"
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "demo-rahasia-42" in out
    for username, role in [
        ("admin", Role.ADMIN_DINKES),
        ("staf", Role.STAF_DINKES),
        ("pimpinan", Role.PIMPINAN),
        ("fasilitator", Role.FASILITATOR),
    ]:
        user = User.objects.get(username=username)
        assert user.has_role(role)
        assert user.check_password("demo-rahasia-42")
        assert user.last_name == "(demo)"
    assert User.objects.get(username="admin").is_superuser
    heads = User.objects.filter(groups__name=Role.KEPALA_PUSKESMAS)
    assert heads.count() == Puskesmas.objects.active().count() == 39
    assert User.objects.get(username="puskesmas-poncol").puskesmas.name == "Puskesmas Poncol"
    assert not User.objects.filter(username="puskesmas-kaligawe").exists()


def test_targets_for_three_years_marked_as_demo(semarang):
    call_command("seed_demo")
    years = sorted(set(Population.objects.values_list("year", flat=True)))
    assert len(years) == 3
    assert Population.objects.count() == 177 * 3 * len(Population.Group)
    assert set(Population.objects.values_list("source", flat=True)) == {"DEMO: angka contoh, bukan data resmi"}
    penduduk = Population.objects.filter(group="penduduk", year=years[-1])
    assert min(penduduk.values_list("value", flat=True)) > 1_000
    assert all(
        p.value < 0.1 * penduduk.get(kelurahan=p.kelurahan).value
        for p in Population.objects.filter(group="balita", year=years[-1]).select_related("kelurahan")
    )


def test_same_seed_same_data_and_rerun_is_idempotent(semarang):
    call_command("seed_demo", seed=7)
    first = values()
    call_command("seed_demo", seed=7)
    assert values() == first
    assert User.objects.filter(username="admin").count() == 1
    call_command("seed_demo", seed=8)
    assert values() != first


def test_if_empty_leaves_existing_demo_data(semarang, capsys):
    call_command("seed_demo", seed=7)
    first = values()
    call_command("seed_demo", seed=8, if_empty=True)
    assert values() == first
    assert "already present" in capsys.readouterr().out
