from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_ok_without_login(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"db": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_503_when_the_database_does_not_answer(client):
    with mock.patch("healthportal.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"db": "unavailable"}
