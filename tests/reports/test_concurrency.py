"""Two people saving the same report: the second is refused, and nothing of either is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from programs.models import DataElement
from reports.forms import cell_field
from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report, grid_post

pytestmark = pytest.mark.django_db


def test_second_save_is_refused_and_both_entries_survive(personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    url = reverse("reports:entry", args=[miroto.code, PERIOD_TEXT])
    first, second = Client(), Client()
    first.force_login(personas["head_a"])
    second.force_login(personas["head_a"])  # the same head in a second browser tab, or a colleague's login
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    field = cell_field(kelurahan.pk, DataElement.objects.get(code="LAHIR_HIDUP").pk)

    mine = grid_post(miroto, version=report.version) | {field: "7"}
    theirs = grid_post(miroto, version=report.version) | {field: "8"}
    assert first.post(url, mine).status_code == 302
    refused = second.post(url, theirs)

    body = refused.content.decode()
    assert refused.status_code == 200
    assert "Data telah diubah oleh pengguna lain" in body
    assert 'value="8"' in body  # her entry is still in the form...
    assert "tersimpan: 7" in body  # ...next to the value now stored
    stored = DataValue.objects.get(report=report, kelurahan=kelurahan, data_element__code="LAHIR_HIDUP")
    assert stored.value == 7
    assert MonthlyReport.objects.get(pk=report.pk).version == report.version + 1


def test_saving_again_after_the_conflict_works(personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    client = Client()
    client.force_login(personas["head_a"])
    url = reverse("reports:entry", args=[miroto.code, PERIOD_TEXT])
    stale = grid_post(miroto, version=report.version - 0)
    client.post(url, grid_post(miroto, value=6, version=report.version))
    assert client.post(url, stale).status_code == 200  # refused: stale version
    fresh = MonthlyReport.objects.get(pk=report.pk).version
    assert client.post(url, grid_post(miroto, value=6, version=fresh)).status_code == 302
