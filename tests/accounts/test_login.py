import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factory import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_speaks_indonesian(client):
    body = client.get(reverse("login")).content.decode()
    assert "Masuk ke healthportal" in body
    assert 'lang="id"' in body


def test_right_password_logs_in_and_lands_home(client, personas):
    response = login(client, "staf", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_wrong_password_gets_a_clear_indonesian_message(client, personas):
    response = login(client, "staf", "salah-sandi")
    assert response.status_code == 200
    assert "sandi yang benar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_after_five_failures_even_for_the_right_password(client, personas):
    for _ in range(4):
        assert login(client, "kepala-miroto", "salah").status_code == 200
    locked = login(client, "kepala-miroto", "salah")
    assert locked.status_code == 429
    assert "dikunci selama 15 menit" in locked.content.decode()
    assert AccessAttempt.objects.filter(username="kepala-miroto").exists()
    assert login(client, "kepala-miroto", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(client, personas):
    for _ in range(5):
        login(client, "kepala-miroto", "salah")
    assert login(client, "kepala-poncol", PASSWORD).status_code == 302


def test_login_rotates_the_session_key(client, personas):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    login(client, "staf", PASSWORD)
    assert client.session.session_key != before


def test_password_change(client, personas):
    client.force_login(personas["head_a"])
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Puskesmas-Miroto-2026", "new_password2": "Puskesmas-Miroto-2026"},
    )
    assert response.status_code == 302
    personas["head_a"].refresh_from_db()
    assert personas["head_a"].check_password("Puskesmas-Miroto-2026")


def test_password_change_refuses_a_weak_password_in_indonesian(client, personas):
    client.force_login(personas["head_a"])
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"}
    )
    assert response.status_code == 200
    assert "terlalu pendek" in response.content.decode()
