"""Every monthly-report URL x every role x own or another puskesmas, in one table.

A Kepala Puskesmas reaches only her own puskesmas (another's is 404); Dinkes roles read the city;
only Staf and Admin Dinkes review; Pimpinan reads; facilitators and users without a role see no
puskesmas's numbers.
"""

import pytest
from django.urls import reverse

from tests.reports.builders import PERIOD_TEXT, filled_report, grid_post

pytestmark = pytest.mark.django_db
PERSONAS = ["admin", "staf", "pimpinan", "fasilitator", "head_a", "head_b", "no_role"]
READERS = {"admin", "staf", "pimpinan", "head_a"}
REVIEWERS = {"admin", "staf"}

# url name, method, status when allowed, who is allowed, report status before the request
MATRIX = [
    ("entry", "get", 200, READERS, "draft"),
    ("entry", "post", 302, {"head_a"}, "draft"),
    ("submit", "post", 302, {"head_a"}, "draft"),
    ("cell", "get", 200, READERS, "draft"),
    ("approve", "post", 302, REVIEWERS, "submitted"),
    ("return", "post", 302, REVIEWERS, "submitted"),
    ("reopen", "post", 302, REVIEWERS, "approved"),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "method", "allowed_status", "allowed", "status"), MATRIX)
def test_matrix(client, personas, miroto, persona, name, method, allowed_status, allowed, status):
    report = filled_report(miroto, personas["head_a"])
    report.status = status
    report.save(update_fields=["status"])
    args = [miroto.code, PERIOD_TEXT]
    if name == "cell":
        args += [report.values.first().kelurahan.code, "LAHIR_HIDUP"]
    data = grid_post(miroto, version=report.version) | {"reason": "Alasan uji"}
    client.force_login(personas[persona])
    response = getattr(client, method)(reverse(f"reports:{name}", args=args), data if method == "post" else None)
    assert response.status_code == (allowed_status if persona in allowed else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_logged_in_has_a_reports_start_page(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("reports:index")).status_code == 200


@pytest.mark.parametrize("name", ["index", "entry"])
def test_anonymous_goes_to_login(client, semarang, miroto, name):
    args = [] if name == "index" else [miroto.code, PERIOD_TEXT]
    response = client.get(reverse(f"reports:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
