"""draft -> submitted -> approved, or submitted -> returned -> submitted; reopening with a reason."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import DataElement
from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report

pytestmark = pytest.mark.django_db


def url(name, puskesmas):
    return reverse(f"reports:{name}", args=[puskesmas.code, PERIOD_TEXT])


def post(client, name, puskesmas, report, **data):
    return client.post(url(name, puskesmas), {"version": report.version, **data}, follow=True)


def test_submit_needs_every_required_cell(client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    DataValue.objects.filter(report=report, data_element__code="BUMIL_K1").delete()
    client.force_login(personas["head_a"])
    response = post(client, "submit", miroto, report)
    assert "11 sel wajib masih kosong" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


def test_errors_block_and_warnings_need_a_comment(client, personas, miroto):
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    report = filled_report(miroto, personas["head_a"], overrides={"BBLR": 9})  # more BBLR than births
    client.force_login(personas["head_a"])
    response = post(client, "submit", miroto, report)
    body = response.content.decode()
    assert "11 kesalahan" in body
    assert "BBLR tidak boleh lebih banyak dari bayi lahir hidup" in body

    report = filled_report(miroto, personas["head_a"], overrides={"BUMIL_K6": 9})  # K6 > K1: a warning
    response = post(client, "submit", miroto, report)
    assert "11 peringatan belum diberi keterangan" in response.content.decode()
    element = DataElement.objects.get(code="BUMIL_K6")
    DataValue.objects.filter(report=report, data_element=element).update(comment="Ibu K1 bulan-bulan lalu")
    report.refresh_from_db()
    response = post(client, "submit", miroto, report)
    assert "Terkirim ke Dinkes" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.submitted_by == personas["head_a"]
    assert kelurahan.code in {k.code for k in working_area(puskesmas=miroto, period=PERIOD)}


def test_full_cycle_return_resubmit_approve_reopen(client, personas, miroto):
    head, staf = personas["head_a"], personas["staf"]
    report = filled_report(miroto, head)
    client.force_login(head)
    post(client, "submit", miroto, report)
    report.refresh_from_db()

    client.force_login(staf)
    refused = post(client, "return", miroto, report, reason="  ")
    assert "Tuliskan alasannya" in refused.content.decode()
    post(client, "return", miroto, report, reason="Angka KN1 Tambangan tertukar dengan KN lengkap.")
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == ("returned", staf)

    client.force_login(head)
    page = client.get(url("entry", miroto)).content.decode()
    assert "Angka KN1 Tambangan tertukar" in page
    assert post(client, "submit", miroto, report).status_code == 200
    report.refresh_from_db()
    assert report.status == "submitted"

    client.force_login(staf)
    post(client, "approve", miroto, report)
    report.refresh_from_db()
    assert report.status == "approved"
    assert not client.get(url("entry", miroto)).context["can_edit"]

    post(client, "reopen", miroto, report, reason="Koreksi data kematian bayi dari RS.")
    report.refresh_from_db()
    assert (report.status, report.reopen_reason) == ("returned", "Koreksi data kematian bayi dari RS.")
    statuses = list(
        MonthlyReport.pgh_event_model.objects.filter(pgh_obj=report).order_by("pgh_id").values_list("status", flat=True)
    )
    assert statuses[-5:] == ["submitted", "returned", "submitted", "approved", "returned"]


@pytest.mark.parametrize("persona", ["head_a", "head_b", "pimpinan", "fasilitator", "no_role"])
@pytest.mark.parametrize("step", ["approve", "return", "reopen"])
def test_only_dinkes_reviewers_review(client, personas, miroto, persona, step):
    report = filled_report(miroto, personas["head_a"])
    MonthlyReport.objects.filter(pk=report.pk).update(status="submitted" if step != "reopen" else "approved")
    report.refresh_from_db()
    client.force_login(personas[persona])
    response = client.post(url(step, miroto), {"version": report.version, "reason": "x"})
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status in {"submitted", "approved"}


def test_reviewer_cannot_submit_for_the_puskesmas(client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    client.force_login(personas["staf"])
    assert client.post(url("submit", miroto), {"version": report.version}).status_code == 404


def test_late_submission_is_marked(personas, miroto, settings):
    report = filled_report(miroto, personas["head_a"])
    due = report.due_date
    assert due == datetime.date(2025, 10, settings.REPORT_DUE_DAY)
    report.submitted_at = timezone.make_aware(datetime.datetime(2025, 10, settings.REPORT_DUE_DAY, 23, 0))
    assert not report.is_late
    report.submitted_at = timezone.make_aware(datetime.datetime(2025, 10, settings.REPORT_DUE_DAY + 1, 8, 0))
    assert report.is_late
    settings.REPORT_DUE_DAY = 15
    assert not report.is_late


def test_review_queue_lists_submitted_reports_for_dinkes(client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    MonthlyReport.objects.filter(pk=report.pk).update(status="submitted", submitted_at=timezone.now())
    client.force_login(personas["staf"])
    response = client.get(reverse("reports:index"))
    assert [r.pk for r in response.context["queue"]] == [report.pk]
    client.force_login(personas["head_a"])
    months = client.get(reverse("reports:index")).context["months"]
    assert len(months) == 13
    assert months[0].period == timezone.localdate().replace(day=1)
