import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def change(client, user, **overrides):
    data = {
        "username": user.username,
        "is_active": "on",
        "groups": [Group.objects.get(name=Role.KEPALA_PUSKESMAS).pk],
        "puskesmas": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        **overrides,
    }
    return client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)


def test_roles_exist_with_their_permissions():
    admin = Group.objects.get(name=Role.ADMIN_DINKES)
    assert admin.permissions.filter(codename="add_population").exists()
    for role in (Role.STAF_DINKES, Role.PIMPINAN, Role.KEPALA_PUSKESMAS, Role.FASILITATOR):
        permissions = Group.objects.get(name=role).permissions
        regions = set(permissions.filter(content_type__app_label="regions").values_list("codename", flat=True))
        assert "view_kelurahan" in regions
        assert not any(code.startswith(("add_", "change_", "delete_")) for code in regions)
    for role in (Role.PIMPINAN, Role.FASILITATOR):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert all(code.startswith("view_") for code in codenames), role
    head = set(Group.objects.get(name=Role.KEPALA_PUSKESMAS).permissions.values_list("codename", flat=True))
    assert {code for code in head if not code.startswith("view_")} == {"add_datavalue", "change_datavalue"}
    staf = Group.objects.get(name=Role.STAF_DINKES).permissions
    assert staf.filter(codename="review_monthlyreport").exists()
    assert (
        not Group.objects.get(name=Role.KEPALA_PUSKESMAS).permissions.filter(codename="review_monthlyreport").exists()
    )


def test_head_without_puskesmas_is_refused(client, personas):
    client.force_login(personas["admin"])
    response = change(client, personas["no_role"])
    assert response.status_code == 200
    assert "Kepala Puskesmas harus ditautkan ke puskesmasnya" in response.content.decode()


def test_head_with_puskesmas_is_saved(client, personas, miroto):
    client.force_login(personas["admin"])
    response = change(client, personas["no_role"], puskesmas=miroto.pk)
    assert response.status_code == 302
    user = personas["no_role"]
    user.refresh_from_db()
    assert user.puskesmas == miroto
    assert user.has_role(Role.KEPALA_PUSKESMAS)


def test_dinkes_staff_cannot_carry_a_puskesmas(client, personas, miroto):
    client.force_login(personas["admin"])
    response = change(
        client, personas["no_role"], groups=[Group.objects.get(name=Role.STAF_DINKES).pk], puskesmas=miroto.pk
    )
    assert "Hanya Kepala Puskesmas yang ditautkan ke puskesmas" in response.content.decode()
