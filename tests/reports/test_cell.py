"""One cell: its comment, follow-up flag and history of who changed what."""

import pytest
from django.urls import reverse

from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report, grid_post

pytestmark = pytest.mark.django_db


def cell_url(puskesmas, kelurahan, code="LAHIR_HIDUP"):
    return reverse("reports:cell", args=[puskesmas.code, PERIOD_TEXT, kelurahan.code, code])


def test_history_shows_who_changed_what(client, personas, miroto):
    head = personas["head_a"]
    head.first_name = "Siti"
    head.save()
    client.force_login(head)
    filled_report(miroto, head)
    report = MonthlyReport.objects.get(puskesmas=miroto)
    client.post(
        reverse("reports:entry", args=[miroto.code, PERIOD_TEXT]), grid_post(miroto, value=6, version=report.version)
    )
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    history = client.get(cell_url(miroto, kelurahan)).context["history"]
    assert [change.value for change in history] == [6, 5]
    assert history[0].by == "Siti"


def test_comment_and_follow_up(client, personas, miroto, django_assert_max_num_queries):
    report = filled_report(miroto, personas["head_a"])
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[2]
    client.force_login(personas["head_a"])
    response = client.post(
        cell_url(miroto, kelurahan), {"version": report.version, "comment": "Termasuk 2 bayi kembar", "follow_up": "on"}
    )
    assert response.status_code == 302
    value = DataValue.objects.get(report=report, kelurahan=kelurahan, data_element__code="LAHIR_HIDUP")
    assert (value.comment, value.follow_up, value.value) == ("Termasuk 2 bayi kembar", True, 5)


def test_reviewer_may_flag_a_submitted_report_cell(client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    MonthlyReport.objects.filter(pk=report.pk).update(status="submitted")
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    client.force_login(personas["staf"])
    client.post(cell_url(miroto, kelurahan), {"version": report.version, "comment": "Cek ke bidan", "follow_up": "on"})
    assert DataValue.objects.get(report=report, kelurahan=kelurahan, data_element__code="LAHIR_HIDUP").follow_up


def test_unknown_cell_and_other_head(client, personas, miroto):
    filled_report(miroto, personas["head_a"])
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    client.force_login(personas["head_a"])
    assert client.get(cell_url(miroto, kelurahan, "TIDAK_ADA")).status_code == 404
    client.force_login(personas["head_b"])
    assert client.get(cell_url(miroto, kelurahan)).status_code == 404
