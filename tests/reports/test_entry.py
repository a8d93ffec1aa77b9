"""The entry grid: what a Kepala Puskesmas sees, types and saves."""

import datetime

import pytest
from django.urls import reverse

from programs.models import DataElement
from reports.forms import cell_field
from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report, grid_post

pytestmark = pytest.mark.django_db


def entry_url(puskesmas, period=PERIOD_TEXT):
    return reverse("reports:entry", args=[puskesmas.code, period])


@pytest.fixture
def head(client, personas):
    client.force_login(personas["head_a"])
    return client


def test_grid_has_a_column_per_kelurahan_and_a_row_per_element(head, miroto, django_assert_num_queries):
    # session, user, roles, puskesmas, report, kelurahan, elements, permissions (2)
    with django_assert_num_queries(9):
        response = head.get(entry_url(miroto))
    grid = response.context["grid"]
    assert [k.code for k in grid.kelurahan] == [k.code for k in working_area(puskesmas=miroto, period=PERIOD)]
    assert len(grid.kelurahan) == 11
    assert sum(len(s.rows) for s in grid.sections) == DataElement.objects.active().count()
    assert [s.program.code for s in grid.sections] == ["permaisuri", "krisnna", "kleopatra", "ilp"]
    assert response.context["can_edit"]
    assert 'name="v-' in response.content.decode()


@pytest.mark.parametrize("which", ["miroto", "poncol"])
def test_saving_the_whole_grid_takes_constant_queries(head, personas, which, request, django_assert_num_queries):
    """The same number of queries for 11 kelurahan (Miroto) as for 4 (Poncol, saved by its own head)."""
    puskesmas = request.getfixturevalue(which)
    if which == "poncol":
        head.force_login(personas["head_b"])
    data = grid_post(puskesmas)
    with django_assert_num_queries(19):
        response = head.post(entry_url(puskesmas), data)
    miroto = puskesmas
    assert response.status_code == 302
    report = MonthlyReport.objects.get(puskesmas=miroto, period=PERIOD)
    cells = len(working_area(puskesmas=miroto, period=PERIOD)) * DataElement.objects.active().count()
    assert report.values.count() == cells
    assert report.version == 2
    again = head.post(entry_url(miroto), grid_post(miroto, version=2), follow=True)
    assert "0 sel berubah" in again.content.decode()


def test_blank_is_not_reported_and_zero_is_zero(head, miroto):
    data = grid_post(miroto)
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    k1, k6 = DataElement.objects.get(code="BUMIL_K1"), DataElement.objects.get(code="BUMIL_K6")
    data[cell_field(kelurahan.pk, k1.pk)] = ""
    data[cell_field(kelurahan.pk, k6.pk)] = "0"
    head.post(entry_url(miroto), data)
    assert DataValue.objects.filter(kelurahan=kelurahan, data_element=k1).first() is None
    assert DataValue.objects.get(kelurahan=kelurahan, data_element=k6).value == 0
    grid = head.get(entry_url(miroto)).context["grid"]
    assert grid.cell(kelurahan.code, "BUMIL_K1").value is None
    assert grid.cell(kelurahan.code, "BUMIL_K1").is_missing
    assert grid.cell(kelurahan.code, "BUMIL_K6").value == 0
    assert grid.cell(kelurahan.code, "BUMIL_K6").is_missing is False


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "tidak boleh negatif"),
        ("abc", "bilangan bulat"),
        ("12,5", "bilangan bulat"),
        ("12.5", "bilangan bulat"),
        ("2000000", "terlalu besar"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(head, miroto, typed, message):
    data = grid_post(miroto)
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[3]
    data[cell_field(kelurahan.pk, DataElement.objects.get(code="LAHIR_HIDUP").pk)] = typed
    response = head.post(entry_url(miroto), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body.lower()
    assert "Tidak ada yang disimpan" in body
    assert f'value="{typed}"' in body  # what she typed stays in the form
    assert not DataValue.objects.exists()


def test_thousands_separator_is_understood(head, miroto):
    data = grid_post(miroto)
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    element = DataElement.objects.get(code="KK_TOTAL")
    data[cell_field(kelurahan.pk, element.pk)] = "1.234"
    head.post(entry_url(miroto), data)
    assert DataValue.objects.get(kelurahan=kelurahan, data_element=element).value == 1234


def test_row_totals_keep_blank_apart_from_zero(head, miroto, personas):
    filled_report(miroto, personas["head_a"], overrides={"KEMATIAN_IBU": 0})
    grid = head.get(entry_url(miroto)).context["grid"]
    rows = {row.element.code: row for section in grid.sections for row in section.rows}
    assert rows["KEMATIAN_IBU"].total == 0
    assert rows["LAHIR_HIDUP"].total == 5 * 11


def test_future_month_and_malformed_month(head, miroto):
    future = datetime.date.today().replace(day=1) + datetime.timedelta(days=40)
    assert head.get(entry_url(miroto, future.strftime("%Y-%m"))).status_code == 404
    assert head.get(entry_url(miroto, "2025-13")).status_code == 404
    assert head.get(f"/laporan/{miroto.code}/2025-9/").status_code == 404


def test_another_head_gets_404_and_stores_nothing(client, personas, miroto):
    client.force_login(personas["head_b"])
    assert client.get(entry_url(miroto)).status_code == 404
    assert client.post(entry_url(miroto), grid_post(miroto)).status_code == 404
    assert not MonthlyReport.objects.exists()


def test_dinkes_reads_but_cannot_type(client, personas, miroto):
    filled_report(miroto, personas["head_a"])
    client.force_login(personas["staf"])
    response = client.get(entry_url(miroto))
    assert response.status_code == 200
    assert not response.context["can_edit"]
    assert 'name="v-' not in response.content.decode()
    assert client.post(entry_url(miroto), grid_post(miroto, version=2)).status_code == 404


def test_approved_report_is_read_only(head, miroto, personas):
    report = filled_report(miroto, personas["head_a"])
    MonthlyReport.objects.filter(pk=report.pk).update(status="approved")
    response = head.get(entry_url(miroto))
    assert not response.context["can_edit"]
    saved = head.post(entry_url(miroto), grid_post(miroto, value=9, version=report.version), follow=True)
    assert "tidak lagi terbuka" in saved.content.decode()
    assert not DataValue.objects.filter(value=9).exists()


def test_a_partial_post_never_erases_other_cells(head, miroto, personas):
    report = filled_report(miroto, personas["head_a"])
    head.post(entry_url(miroto), {"version": str(report.version)})
    assert DataValue.objects.filter(report=report, value__isnull=False).count() == report.values.count()
