"""Data values in Django admin: long-format import and export, as Dinkes back-fills history."""

import io

import pytest
import tablib
from django.urls import reverse

from programs.models import DataElement
from regions.models import Puskesmas, ServiceArea
from reports import actions
from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from reports.resources import DataValueResource
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report

pytestmark = pytest.mark.django_db
CSV_FORMAT = "1"  # position in IMPORT_EXPORT_FORMATS
HEADER = ["puskesmas_code", "period", "kelurahan_code", "data_element_code", "value"]


def city_month(period=PERIOD, value=lambda n: n % 23) -> list[list]:
    """One row per kelurahan of the city and active data element: one month of the whole city."""
    areas = ServiceArea.objects.on(period).values_list("puskesmas__code", "kelurahan__code").order_by("kelurahan__code")
    elements = list(DataElement.objects.active().values_list("code", flat=True))
    rows = [[p, f"{period:%Y-%m}", k, e] for p, k in areas for e in elements]
    return [[*row, value(n)] for n, row in enumerate(rows)]


def csv_file(rows: list[list]) -> io.BytesIO:
    text = "\n".join(",".join("" if cell is None else str(cell) for cell in row) for row in [HEADER, *rows])
    upload = io.BytesIO(text.encode())
    upload.name = "nilai.csv"
    return upload


def preview(client, rows):
    url = reverse("admin:reports_datavalue_import")
    return client.post(url, {"resource": "0", "format": CSV_FORMAT, "import_file": csv_file(rows)})


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(reverse("admin:reports_datavalue_process_import"), form.initial)


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas["admin"])
    return client


@pytest.fixture
def restricted_head(client, personas):
    """A Kepala Puskesmas who was given admin access by mistake."""
    head = personas["head_a"]
    head.is_staff = True
    head.save(update_fields=["is_staff"])
    client.force_login(head)
    return client


def miroto_rows(rows):
    return [row for row in rows if row[0] == "puskesmas-miroto"]


def test_city_month_imports_as_approved_history_and_a_second_import_changes_nothing(admin_client, personas):
    rows = city_month()
    assert len(rows) > 6000
    response = preview(admin_client, rows)
    assert response.context["result"].totals["new"] == len(rows)
    assert DataValue.objects.count() == 0  # a preview stores nothing
    assert MonthlyReport.objects.count() == 0
    confirm(admin_client, response)

    assert DataValue.objects.count() == len(rows)
    stored = set(
        DataValue.objects.values_list(
            "report__puskesmas__code", "report__period", "kelurahan__code", "data_element__code", "value"
        )
    )
    assert stored == {(p, PERIOD, k, e, v) for p, _, k, e, v in rows}
    reports = MonthlyReport.objects.all()
    assert {r.puskesmas.code for r in reports} == {row[0] for row in rows}
    assert {(r.status, r.reviewed_by) for r in reports} == {("approved", personas["admin"])}

    again = preview(admin_client, rows)
    assert again.context["result"].totals["skip"] == len(rows)
    confirm(admin_client, again)
    assert DataValue.objects.count() == len(rows)
    assert set(MonthlyReport.objects.values_list("version", flat=True)) == {1}


def test_one_bad_row_among_thousands_stores_nothing(admin_client):
    rows = city_month()
    rows[4321][4] = "tiga"
    response = preview(admin_client, rows)
    body = response.content.decode()
    assert "Beberapa baris tidak lolos validasi" in body
    assert "tiga bukan bilangan bulat" in body
    assert response.context.get("confirm_form") is None
    assert DataValue.objects.count() == 0
    assert MonthlyReport.objects.count() == 0


def test_the_confirm_step_rolls_back_the_whole_file_on_a_bad_row(personas):
    """As the admin's confirm step calls it: rows that turned bad since the preview undo the others."""
    rows = miroto_rows(city_month())
    rows.append(["puskesmas-miroto", PERIOD_TEXT, "33.74.99.9999", "BUMIL_K1", 1])
    dataset = tablib.Dataset(*rows, headers=HEADER)
    result = DataValueResource().import_data(
        dataset, dry_run=False, user=personas["admin"], rollback_on_validation_errors=True
    )
    assert result.has_validation_errors()
    assert DataValue.objects.count() == 0
    assert MonthlyReport.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({0: "puskesmas-entah"}, "Tidak ada puskesmas dengan kode puskesmas-entah"),
        ({0: ""}, "Kode tidak diisi"),
        ({1: "09-2025"}, "09-2025 bukan bulan; tulis sebagai YYYY-MM"),
        ({2: "33.74.99.9999"}, "Tidak ada kelurahan dengan kode 33.74.99.9999"),
        ({2: "3374010001"}, "3374010001 adalah kode BPS"),
        ({2: "poncol"}, "tidak termasuk wilayah kerja Puskesmas Miroto pada 2025-09"),
        ({3: "BUMIL_K99"}, "Tidak ada elemen data dengan kode BUMIL_K99"),
        ({4: "seratus"}, "seratus bukan bilangan bulat"),
        ({4: "2.5"}, "2.5 bukan bilangan bulat"),
        ({4: -3}, "-3 negatif"),
        ({4: 5_000_000}, "5000000 terlalu besar"),
    ],
)
def test_bad_rows_get_indonesian_messages(admin_client, poncol, change, message):
    row = ["puskesmas-miroto", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K1", 5]
    for position, value in change.items():
        row[position] = working_area(puskesmas=poncol, period=PERIOD)[0].code if value == "poncol" else value
    response = preview(admin_client, [row])
    assert message in response.content.decode()
    assert response.context.get("confirm_form") is None


def test_approved_report_is_not_overwritten_but_an_equal_value_passes(admin_client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    MonthlyReport.objects.filter(pk=report.pk).update(status="approved")
    value = DataValue.objects.get(report=report, kelurahan__code="33.74.01.1001", data_element__code="BUMIL_K1").value
    same = ["puskesmas-miroto", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K1", value]
    response = preview(admin_client, [same])
    assert response.context["result"].totals["skip"] == 1
    other = [*same[:4], value + 1]
    response = preview(admin_client, [other])
    assert "berstatus disetujui: kembalikan atau buka kembali" in response.content.decode()
    assert response.context.get("confirm_form") is None


def test_import_into_a_draft_changes_values_and_raises_its_version(admin_client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    rows = [
        ["puskesmas-miroto", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K1", 99],
        ["puskesmas-miroto", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K6", None],
    ]
    response = preview(admin_client, rows)
    assert response.context["result"].totals["update"] == 2
    confirm(admin_client, response)
    cells = DataValue.objects.filter(report=report, kelurahan__code="33.74.01.1001")
    values = dict(cells.values_list("data_element__code", "value"))
    assert (values["BUMIL_K1"], values["BUMIL_K6"]) == (99, None)
    fresh = MonthlyReport.objects.get(pk=report.pk)
    assert (fresh.status, fresh.version) == ("draft", report.version + 1)
    with pytest.raises(actions.ReportConflictError):  # a form opened before the import cannot overwrite it
        actions.save_values(fresh, [], by=personas["head_a"], version=report.version)


def test_restricted_head_sees_and_imports_only_her_puskesmas(restricted_head, personas, miroto, poncol):
    filled_report(miroto, personas["head_a"])
    filled_report(poncol, personas["head_b"])
    listing = restricted_head.get(reverse("admin:reports_datavalue_changelist"))
    assert {v.report.puskesmas for v in listing.context["cl"].result_list} == {miroto}
    reports = restricted_head.get(reverse("admin:reports_monthlyreport_changelist"))
    assert [r.puskesmas for r in reports.context["cl"].result_list] == [miroto]

    before = DataValue.objects.count()
    rows = [["puskesmas-poncol", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K1", 5]]
    response = preview(restricted_head, rows)
    assert "Tidak ada puskesmas dengan kode puskesmas-poncol" in response.content.decode()
    assert response.context.get("confirm_form") is None
    assert DataValue.objects.count() == before


def test_a_head_importing_her_own_month_gets_a_draft(restricted_head, miroto):
    rows = [["puskesmas-miroto", "2025-10", "33.74.01.1001", "BUMIL_K1", 5]]
    confirm(restricted_head, preview(restricted_head, rows))
    report = MonthlyReport.objects.get(puskesmas=miroto, period="2025-10-01")
    assert report.status == "draft"
    assert report.values.get().value == 5


def test_staf_may_look_but_not_import(client, personas):
    client.force_login(personas["staf"])
    assert client.get(reverse("admin:reports_datavalue_changelist")).status_code == 200
    assert client.get(reverse("admin:reports_datavalue_import")).status_code == 403
    assert client.get(reverse("admin:reports_monthlyreport_changelist")).status_code == 200


def export(client) -> tablib.Dataset:
    names = ("puskesmas", "period", "kelurahan", "data_element", "value")
    fields = {f"datavalueresource_{name}": "on" for name in names}
    response = client.post(reverse("admin:reports_datavalue_export"), {"resource": "0", "format": CSV_FORMAT, **fields})
    return tablib.Dataset().load(response.content.decode(), format="csv")


def test_export_is_long_format_and_reimports_unchanged(admin_client, personas, miroto):
    filled_report(miroto, personas["head_a"])
    DataValue.objects.filter(data_element__code="BUMIL_K1").update(value=None)
    exported = export(admin_client)
    assert exported.headers == HEADER
    assert len(exported) == DataValue.objects.count()
    row = next(r for r in exported.dict if r["data_element_code"] == "BUMIL_K1")
    assert (row["puskesmas_code"], row["period"], row["value"]) == ("puskesmas-miroto", PERIOD_TEXT, "")
    response = preview(admin_client, [list(r.values()) for r in exported.dict])
    assert response.context["result"].totals["skip"] == len(exported)


def test_export_escapes_formula_like_cells(admin_client, personas, miroto):
    filled_report(miroto, personas["head_a"])
    Puskesmas.objects.filter(pk=miroto.pk).update(code="-cmd")
    exported = export(admin_client)
    assert {row["puskesmas_code"] for row in exported.dict} == {"'-cmd"}


def test_restricted_head_exports_only_her_puskesmas(restricted_head, personas, miroto, poncol):
    filled_report(miroto, personas["head_a"])
    filled_report(poncol, personas["head_b"])
    assert {row["puskesmas_code"] for row in export(restricted_head).dict} == {"puskesmas-miroto"}


def test_the_same_cell_twice_in_a_file_is_refused(admin_client):
    row = ["puskesmas-miroto", PERIOD_TEXT, "33.74.01.1001", "BUMIL_K1", 5]
    response = preview(admin_client, [row, [*row[:4], 6]])
    assert "muncul lebih dari sekali" in response.content.decode()
    assert DataValue.objects.count() == 0


def test_admin_pages_are_read_only(admin_client, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    value = report.values.first()
    for url in (
        reverse("admin:reports_monthlyreport_changelist"),
        reverse("admin:reports_monthlyreport_change", args=[report.pk]),
        reverse("admin:reports_datavalue_changelist"),
        reverse("admin:reports_datavalue_change", args=[value.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert 'name="_save"' not in response.content.decode()
    assert admin_client.get(reverse("admin:reports_datavalue_add")).status_code == 403
