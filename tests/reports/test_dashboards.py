"""The completeness board and the SPM scorecard: statuses, timeliness, rates, export, colours, access."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from regions.models import Puskesmas
from reports.analytics import FAIR, GOOD, NO_DENOMINATOR, NOT_REPORTED, POOR
from reports.models import MonthlyReport
from tests.factory import make_user
from tests.reports.test_analytics import CANDILAMA, HALMAHERA, make_report, set_targets

D = datetime.date
NGESREP = ("puskesmas-ngesrep", ["33.74.11.1008", "33.74.11.1009"])
PUDAKPAYUNG = ("puskesmas-pudakpayung", ["33.74.11.1001", "33.74.11.1005"])


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def submitted(code, period, status, day, values=None):
    report = make_report(code, period, values or {}, status=status)
    report.submitted_at = moment(day) if day else None
    report.save(update_fields=["submitted_at"])
    return report


@pytest.fixture
def year_2025(semarang):
    h, c = HALMAHERA[0], CANDILAMA[0]
    submitted(h, D(2025, 1, 1), "approved", D(2025, 2, 10))  # the due day itself: on time
    submitted(h, D(2025, 2, 1), "submitted", D(2025, 3, 15))  # late
    submitted(h, D(2025, 3, 1), "returned", D(2025, 4, 9))
    submitted(h, D(2025, 4, 1), "draft", None)
    submitted(c, D(2025, 1, 1), "approved", D(2025, 2, 3))


def cells(response, code):
    row = next(r for r in response.context["board"].rows if r.puskesmas.code == code)
    return row.cells


# -- completeness board


def test_statuses_and_timeliness(client, personas, year_2025, django_assert_num_queries):
    client.force_login(personas["staf"])
    with django_assert_num_queries(5):  # session, user, roles, puskesmas, reports
        response = client.get(reverse("reports:completeness"), {"year": 2025})
    board = response.context["board"]
    assert len(board.rows) == Puskesmas.objects.active().count() == 39
    jan, feb, mar, apr, may = cells(response, HALMAHERA[0])[:5]
    assert (jan.status, jan.late) == ("approved", False)
    assert (feb.status, feb.late) == ("submitted", True)
    assert (mar.status, mar.late, mar.counted) == ("returned", False, False)
    assert (apr.status, apr.late) == ("draft", True)  # never submitted, long overdue
    assert (may.status, may.late) == ("none", True)
    assert jan.url == reverse("reports:entry", args=[HALMAHERA[0], "2025-01"])
    row = next(r for r in board.rows if r.puskesmas.code == HALMAHERA[0])
    assert (row.reported, row.on_time, row.expected) == (2, 1, 12)


def test_monthly_rates_of_the_city(client, personas, year_2025):
    client.force_login(personas["pimpinan"])
    rates = client.get(reverse("reports:completeness"), {"year": 2025}).context["board"].rates
    assert (rates[0].expected, rates[0].reported, rates[0].on_time) == (39, 2, 2)
    assert round(rates[0].rate, 1) == 5.1
    assert (rates[1].reported, rates[1].on_time) == (1, 0)
    assert rates[2].reported == 0  # returned: being corrected, not reported


def test_months_not_ended_are_not_expected(client, personas, semarang):
    client.force_login(personas["staf"])
    today = timezone.localdate()
    board = client.get(reverse("reports:completeness")).context["board"]
    assert board.year == today.year
    current = board.rates[today.month - 1]
    assert current.expected == 0
    assert current.rate is None
    assert {row.cells[today.month - 1].status for row in board.rows} == {"future"}


def test_kecamatan_filter(client, personas, year_2025):
    client.force_login(personas["staf"])
    kecamatan = Puskesmas.objects.get(code=HALMAHERA[0]).kecamatan
    board = client.get(reverse("reports:completeness"), {"year": 2025, "kecamatan": kecamatan.code}).context["board"]
    codes = {row.puskesmas.code for row in board.rows}
    assert HALMAHERA[0] in codes
    assert CANDILAMA[0] not in codes
    assert {row.puskesmas.kecamatan_id for row in board.rows} == {kecamatan.pk}
    assert board.scope == kecamatan
    assert board.rates[0].expected == len(board.rows)
    assert board.rates[0].reported == 1


def test_unknown_kecamatan_or_year_falls_back(client, personas, semarang):
    client.force_login(personas["staf"])
    response = client.get(reverse("reports:completeness"), {"year": "1999", "kecamatan": "99.99.99"})
    assert response.status_code == 200
    assert response.context["board"].year == timezone.localdate().year
    assert response.context["board"].scope is None
    assert len(response.context["board"].rows) == 39


def test_head_sees_her_row_and_the_city_rates(client, year_2025):
    head = make_user("kepala-halmahera", Role.KEPALA_PUSKESMAS, puskesmas=Puskesmas.objects.get(code=HALMAHERA[0]))
    client.force_login(head)
    board = client.get(reverse("reports:completeness"), {"year": 2025, "kecamatan": "33.74.01"}).context["board"]
    assert [row.puskesmas.code for row in board.rows] == [HALMAHERA[0]]
    assert board.scope is None
    assert board.rates[0].expected == 39


BOARD_ACCESS = [
    ("admin", 200),
    ("staf", 200),
    ("pimpinan", 200),
    ("head_a", 200),
    ("fasilitator", 403),
    ("no_role", 403),
]


@pytest.mark.parametrize(("persona", "status"), BOARD_ACCESS)
def test_board_access(client, personas, persona, status):
    client.force_login(personas[persona])
    assert client.get(reverse("reports:completeness")).status_code == status


def test_board_in_indonesian(client, personas, year_2025):
    client.force_login(personas["staf"])
    body = client.get(reverse("reports:completeness"), {"year": 2025}).content.decode()
    assert "Kelengkapan laporan 2025" in body
    assert "Tingkat pelaporan kota" in body
    assert "2.025" not in body


def test_export_is_a_spreadsheet_with_formulas_defused(client, personas, year_2025):
    Puskesmas.objects.filter(code=CANDILAMA[0]).update(name='=HYPERLINK("http://contoh.invalid","klik")')
    client.force_login(personas["staf"])
    response = client.get(reverse("reports:completeness"), {"year": 2025, "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="kelengkapan-laporan-2025.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Kecamatan", "Puskesmas", "Jan 2025", "Feb 2025")
    names = [row[1] for row in rows]
    assert '\'=HYPERLINK("http://contoh.invalid","klik")' in names
    halmahera = next(row for row in rows if row[1] == "Puskesmas Halmahera")
    assert halmahera[2:6] == ("Disetujui", "Dikirim (terlambat)", "Dikembalikan", "Draf (terlambat)")
    assert halmahera[-2:] == (2, 1)
    rate = next(row for row in rows if row[1] == "Tingkat pelaporan (%)")
    assert rate[2] == 5.1


# -- SPM scorecard


@pytest.fixture
def spm_march(semarang):
    """Year to date up to March 2025 against 25 % of the yearly target: one puskesmas on target,
    one at 84 % of it, one at 70 %, one whose target is zero, and the rest not reported."""
    for _, kelurahan in (HALMAHERA, CANDILAMA, NGESREP):
        set_targets(2025, **{k: {"bumil": 100} for k in kelurahan})
    set_targets(2025, **{k: {"bumil": 0} for k in PUDAKPAYUNG[1]})
    for (code, (k1, k2)), total in ((HALMAHERA, 50), (CANDILAMA, 35), (NGESREP, 42), (PUDAKPAYUNG, 30)):
        for month in (1, 2, 3):
            share = total // 3 + (total % 3 if month == 3 else 0)
            make_report(code, D(2025, month, 1), {k1: {"BUMIL_K6": share - share // 2}, k2: {"BUMIL_K6": share // 2}})


def scorecard_row(response, code):
    return next(r for r in response.context["table"].rows if r.puskesmas.code == code)


def test_scorecard_colours_and_values(client, personas, spm_march, django_assert_num_queries):
    client.force_login(personas["pimpinan"])
    with django_assert_num_queries(11):  # session, user, indicators, five for the values, puskesmas, count, roles
        response = client.get(reverse("reports:scorecard"), {"period": "2025-03"})
    table = response.context["table"]
    assert [c.indicator.spm_service for c in table.city.cells] == list(range(1, 13))
    spm1 = {code: scorecard_row(response, code).cells[0] for code, _ in (HALMAHERA, CANDILAMA, NGESREP, PUDAKPAYUNG)}
    assert spm1[HALMAHERA[0]].target == 25
    assert (spm1[HALMAHERA[0]].result.value, spm1[HALMAHERA[0]].band) == (25, GOOD)
    assert (spm1[NGESREP[0]].result.value, spm1[NGESREP[0]].band) == (21, FAIR)
    assert (spm1[CANDILAMA[0]].result.value, spm1[CANDILAMA[0]].band) == (17.5, POOR)
    assert spm1[PUDAKPAYUNG[0]].result.reason == NO_DENOMINATOR
    assert scorecard_row(response, "puskesmas-miroto").cells[0].result.reason == NOT_REPORTED
    city = table.city.cells[0]
    assert (city.result.numerator, city.result.denominator) == (157, 600)
    assert city.band == GOOD
    body = response.content.decode()
    assert "50/200" in body
    assert "25,0%" in body
    assert "belum dilaporkan" in body
    assert "sasaran kosong" in body
    assert "Capaian SPM" in body


def test_scorecard_for_approved_reports_only(client, personas, spm_march):
    MonthlyReport.objects.filter(puskesmas__code=HALMAHERA[0], period=D(2025, 3, 1)).update(status="submitted")
    client.force_login(personas["staf"])
    response = client.get(reverse("reports:scorecard"), {"period": "2025-03", "data": "approved"})
    assert scorecard_row(response, HALMAHERA[0]).cells[0].result.numerator == 50 - 18  # March not approved
    assert response.context["approved_only"]


def test_scorecard_defaults_to_the_latest_month_reported(client, personas, spm_march):
    client.force_login(personas["staf"])
    assert client.get(reverse("reports:scorecard")).context["table"].period == D(2025, 3, 1)


def test_scorecard_refuses_a_bad_month(client, personas, spm_march):
    client.force_login(personas["staf"])
    response = client.get(reverse("reports:scorecard"), {"period": "2025-13"})
    assert response.context["table"].period == D(2025, 3, 1)
    assert "Isi bulan sebagai TAHUN-BULAN" in response.content.decode()


@pytest.mark.parametrize("persona", ["admin", "staf", "pimpinan", "fasilitator", "head_a", "no_role"])
def test_every_user_reads_the_scorecard(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("reports:scorecard")).status_code == 200
