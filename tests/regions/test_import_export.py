"""Region imports and exports through the Django admin, as an Admin Dinkes uses them."""

import io

import openpyxl
import pytest
import tablib
from django.urls import reverse

from healthportal.spreadsheets import SafeCSV, escape_formula
from regions.models import Kelurahan, Population, Puskesmas, ServiceArea
from regions.resources import PopulationResource

pytestmark = pytest.mark.django_db
CSV_FORMAT, XLSX_FORMAT = "1", "0"  # positions in IMPORT_EXPORT_FORMATS


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas["admin"])
    return client


def csv_file(rows: list[list], name: str = "data.csv") -> io.BytesIO:
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows)
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def preview(client, model: str, upload, file_format: str = CSV_FORMAT):
    url = reverse(f"admin:regions_{model}_import")
    return client.post(url, {"resource": "0", "format": file_format, "import_file": upload})


def confirm(client, model: str, response):
    form = response.context["confirm_form"]
    return client.post(reverse(f"admin:regions_{model}_process_import"), form.initial)


POPULATION_HEADER = ["kelurahan_code", "year", "group", "value", "source"]


def population_rows(count: int) -> list[list]:
    codes = list(Kelurahan.objects.order_by("code").values_list("code", flat=True)[:count])
    return [[code, 2026, "balita", 500 + i, "Proyeksi BPS 2026"] for i, code in enumerate(codes)]


def test_clean_file_previews_then_confirms_and_a_second_import_changes_nothing(admin_client, semarang):
    rows = [POPULATION_HEADER, *population_rows(177)]
    response = preview(admin_client, "population", csv_file(rows))
    assert response.context["result"].totals["new"] == 177
    assert Population.objects.count() == 0  # the preview stores nothing
    confirm(admin_client, "population", response)
    assert Population.objects.filter(year=2026, group="balita").count() == 177

    again = preview(admin_client, "population", csv_file(rows))
    assert again.context["result"].totals["skip"] == 177
    confirm(admin_client, "population", again)
    assert Population.objects.count() == 177


def test_one_bad_row_among_many_stores_nothing(admin_client, semarang):
    rows = [POPULATION_HEADER, *population_rows(177)]
    rows[120][3] = "seratus"
    response = preview(admin_client, "population", csv_file(rows))
    body = response.content.decode()
    assert "Beberapa baris tidak lolos validasi" in body
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert Population.objects.count() == 0


@pytest.mark.parametrize(
    "bad_row", [["33.74.99.9999", 2026, "balita", 1, "x"], ["33.74.01.1001", 2026, "bumil", "seratus", "x"]]
)
def test_a_confirmed_import_with_a_bad_row_rolls_back_whole(semarang, bad_row):
    """The confirm step re-validates inside one transaction, as the admin calls it."""
    dataset = tablib.Dataset(*population_rows(50), bad_row, headers=POPULATION_HEADER)
    result = PopulationResource().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    assert result.has_errors() or result.has_validation_errors()
    assert Population.objects.count() == 0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["33.74.99.9999", 2026, "balita", 5, "x"], "Tidak ada kelurahan dengan kode 33.74.99.9999"),
        (["3374010001", 2026, "balita", 5, "x"], "3374010001 adalah kode BPS"),
        (["33.74.01.1001", 2026, "balita", -5, "x"], "Pastikan nilai ini lebih besar dari atau sama dengan 0"),
        (["33.74.01.1001", 1890, "balita", 5, "x"], "Tahun harus antara 2000 dan 2100"),
        (["33.74.01.1001", 2026, "anak", 5, "x"], "bukan pilihan yang valid"),
    ],
)
def test_bad_cells_get_indonesian_messages(admin_client, semarang, row, message):
    response = preview(admin_client, "population", csv_file([POPULATION_HEADER, row]))
    assert message in response.content.decode()
    assert Population.objects.count() == 0


def test_bps_kelurahan_code_in_the_kelurahan_table(admin_client, semarang):
    rows = [["code", "name", "kecamatan_code"], ["3374010001", "Miroto", "33.74.01"]]
    response = preview(admin_client, "kelurahan", csv_file(rows))
    assert "3374010001 adalah kode BPS" in response.content.decode()
    assert not Kelurahan.objects.filter(code="3374010001").exists()


def test_duplicate_code_in_the_file(admin_client, semarang):
    rows = [["code", "name", "kecamatan_code"], ["33.74.01.1001", "Miroto", "33.74.01"]] * 1
    rows.append(["33.74.01.1001", "Miroto Baru", "33.74.01"])
    response = preview(admin_client, "kelurahan", csv_file(rows))
    assert "muncul lebih dari sekali" in response.content.decode()
    assert Kelurahan.objects.get(code="33.74.01.1001").name == "Miroto"


def test_missing_key_column(admin_client, semarang):
    response = preview(admin_client, "kelurahan", csv_file([["nama"], ["Miroto"]]))
    assert "Berkas tidak memiliki kolom code" in response.content.decode()


def test_empty_upload(admin_client, semarang):
    response = preview(admin_client, "kelurahan", csv_file([], name="kosong.xlsx"), XLSX_FORMAT)
    assert "Berkas yang dikirimkan kosong" in response.content.decode()


def test_file_that_is_not_xlsx(admin_client, semarang):
    upload = io.BytesIO(b"<html><script>alert(1)</script></html>")
    upload.name = "laporan.xlsx"
    response = preview(admin_client, "kelurahan", upload, XLSX_FORMAT)
    assert "Berkas tidak dapat dibaca" in response.content.decode()


def test_xlsx_round_trip(admin_client, semarang):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name"])
    sheet.append(["33.74.01", "Semarang Tengah (diperbarui)"])
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "kecamatan.xlsx"
    response = preview(admin_client, "kecamatan", data, XLSX_FORMAT)
    confirm(admin_client, "kecamatan", response)
    assert Kelurahan.objects.get(code="33.74.01.1001").kecamatan.name == "Semarang Tengah (diperbarui)"


def test_service_area_import_closes_the_open_row(admin_client, semarang):
    rows = [["kelurahan_code", "puskesmas_code", "valid_from"], ["33.74.01.1001", "puskesmas-poncol", "2026-07-01"]]
    confirm(admin_client, "servicearea", preview(admin_client, "servicearea", csv_file(rows)))
    history = list(ServiceArea.objects.filter(kelurahan__code="33.74.01.1001").order_by("valid_from"))
    assert [a.puskesmas.code for a in history] == ["puskesmas-miroto", "puskesmas-poncol"]
    assert str(history[0].valid_to) == "2026-06-30"
    assert history[1].valid_to is None


def test_overlapping_service_area_is_refused(admin_client, semarang):
    rows = [
        ["kelurahan_code", "puskesmas_code", "valid_from", "valid_to"],
        ["33.74.01.1001", "puskesmas-poncol", "2019-01-01", "2021-12-31"],
    ]
    response = preview(admin_client, "servicearea", csv_file(rows))
    assert "sudah masuk wilayah kerja puskesmas lain" in response.content.decode()
    assert ServiceArea.objects.filter(kelurahan__code="33.74.01.1001").count() == 1


def test_import_needs_the_add_permission(client, personas, semarang):
    client.force_login(personas["staf"])  # admin access, view permissions only
    assert client.get(reverse("admin:regions_population_changelist")).status_code == 200
    assert client.get(reverse("admin:regions_population_import")).status_code == 403
    rows = [POPULATION_HEADER, *population_rows(1)]
    assert preview(client, "population", csv_file(rows)).status_code == 403
    assert Population.objects.count() == 0


def test_export_escapes_formulas(admin_client, semarang):
    Puskesmas.objects.filter(code="puskesmas-poncol").update(notes='=HYPERLINK("http://x","klik")')
    response = admin_client.post(
        reverse("admin:regions_puskesmas_export"),
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "puskesmasresource_code": "on",
            "puskesmasresource_notes": "on",
            "puskesmasresource_lat": "on",
        },
    )
    exported = tablib.Dataset().load(response.content.decode(), format="csv")
    poncol = next(row for row in exported.dict if row["code"] == "puskesmas-poncol")
    assert poncol["notes"].startswith("'=HYPERLINK")
    assert poncol["lat"].startswith("-6")  # negative numbers stay numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-6.98", "-6.98"),
        ("-6,98", "-6,98"),
        ("+62", "+62"),
        ("Miroto", "Miroto"),
        (5, 5),
        (None, None),
    ],
)
def test_escape_formula(value, expected):
    assert escape_formula(value) == expected


def test_safe_csv_exports_escaped_cells():
    data = tablib.Dataset(["=cmd", "ok"], headers=["a", "b"])
    assert SafeCSV().export_data(data).splitlines()[1] == "'=cmd,ok"
