"""The Excel round trip of a monthly report: a head downloads the template, fills it, uploads it,
sees every problem or every change, and stores it all or nothing."""

import io
import zipfile

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from programs.models import DataElement, Program
from regions.models import Kelurahan
from reports import actions, workbook
from reports.models import DataValue, MonthlyReport
from reports.queries import working_area
from tests.reports.builders import PERIOD, PERIOD_TEXT, filled_report

pytestmark = pytest.mark.django_db


def template_url(puskesmas, period=PERIOD_TEXT):
    return reverse("reports:excel_template", args=[puskesmas.code, period])


def upload_url(puskesmas, period=PERIOD_TEXT):
    return reverse("reports:excel_upload", args=[puskesmas.code, period])


def download(client, puskesmas, period=PERIOD_TEXT):
    response = client.get(template_url(puskesmas, period))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def as_file(content, name: str = "laporan.xlsx") -> io.BytesIO:
    if isinstance(content, openpyxl.Workbook):
        data = io.BytesIO()
        content.save(data)
        content = data.getvalue()
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def value_cells(book):
    """(cell, kelurahan code, element code) of every value cell of a template."""
    sheet = book.active
    columns = {c: sheet.cell(7, c).value for c in range(4, sheet.max_column + 1)}
    for row in range(8, sheet.max_row + 1):
        element = sheet.cell(row, 1).value
        if element:
            for column, kelurahan in columns.items():
                yield sheet.cell(row, column), kelurahan, element


def fill(book, value=lambda n: n % 17):
    for n, (cell, _, _) in enumerate(value_cells(book)):
        cell.value = value(n)
    return book


def preview(client, puskesmas, file, period=PERIOD_TEXT):
    return client.post(upload_url(puskesmas, period), {"file": file})


def confirm(client, puskesmas, response, period=PERIOD_TEXT):
    return client.post(upload_url(puskesmas, period), {"token": response.context["token"]})


@pytest.fixture
def head(client, personas):
    client.force_login(personas["head_a"])
    return client


def stored(report_or_puskesmas) -> dict[tuple[str, str], int | None]:
    return {
        (k, e): v
        for k, e, v in DataValue.objects.filter(report__puskesmas=report_or_puskesmas).values_list(
            "kelurahan__code", "data_element__code", "value"
        )
    }


def test_template_has_the_working_area_every_active_element_and_the_stored_values(head, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    first = working_area(puskesmas=miroto, period=PERIOD)[0]
    k1 = DataElement.objects.get(code="BUMIL_K1")
    DataValue.objects.filter(report=report, kelurahan=first, data_element=k1).update(value=None)
    DataValue.objects.filter(report=report, kelurahan=first, data_element__code="BUMIL_K6").update(value=0)

    sheet = download(head, miroto).active
    assert (sheet["B2"].value, sheet["B3"].value) == ("puskesmas-miroto", PERIOD_TEXT)
    assert "Puskesmas Miroto" in sheet["A1"].value
    assert "September 2025" in sheet["A1"].value
    area = working_area(puskesmas=miroto, period=PERIOD)
    assert [sheet.cell(7, c).value for c in range(4, sheet.max_column + 1)] == [k.code for k in area]
    assert [sheet.cell(6, c).value for c in range(4, sheet.max_column + 1)] == [k.name for k in area]
    elements = [sheet.cell(r, 1).value for r in range(8, sheet.max_row + 1) if sheet.cell(r, 1).value]
    assert elements == list(DataElement.objects.active().values_list("code", flat=True))
    programs = {sheet.cell(r, 2).value for r in range(8, sheet.max_row + 1) if not sheet.cell(r, 1).value}
    assert programs == {"PERMAISURI", "KRISNNA", "KLEOPATRA", "ILP"}
    values = {(k, e): cell.value for cell, k, e in value_cells(sheet.parent)}
    assert values[first.code, "BUMIL_K1"] is None  # blank stays blank, never 0
    assert values[first.code, "BUMIL_K6"] == 0
    assert values == stored(miroto)


def test_template_of_a_month_without_report_is_blank(head, miroto):
    book = download(head, miroto)
    assert all(cell.value is None for cell, _, _ in value_cells(book))
    assert MonthlyReport.objects.count() == 0  # downloading creates nothing


@pytest.mark.parametrize("who", ["staf", "pimpinan", "admin"])
def test_dinkes_reads_the_template_but_cannot_upload(client, personas, miroto, who):
    client.force_login(personas[who])
    download(client, miroto)
    assert client.get(upload_url(miroto)).status_code == 404


@pytest.mark.parametrize("who", ["head_b", "fasilitator", "no_role"])
def test_others_get_404_on_both_urls(client, personas, miroto, who):
    client.force_login(personas[who])
    assert client.get(template_url(miroto)).status_code == 404
    assert client.get(upload_url(miroto)).status_code == 404
    assert preview(client, miroto, as_file(b"PK")).status_code == 404


def test_anonymous_is_sent_to_login(client, miroto):
    for url in (template_url(miroto), upload_url(miroto)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_future_month_is_not_found(head, miroto):
    assert head.get(template_url(miroto, "2999-01")).status_code == 404
    assert head.get(upload_url(miroto, "2999-01")).status_code == 404


@pytest.mark.parametrize(("who", "puskesmas"), [("staf", "miroto"), ("staf", "poncol")])
def test_template_download_takes_constant_queries(client, personas, who, puskesmas, request, django_assert_num_queries):
    """The same queries for Miroto's 11 kelurahan as for Poncol's 4, with every value stored."""
    place = request.getfixturevalue(puskesmas)
    filled_report(place, personas["head_a"])
    client.force_login(personas[who])
    # session, user, roles, puskesmas, report, kelurahan, elements, values
    with django_assert_num_queries(8):
        client.get(template_url(place))


def test_clean_upload_previews_then_stores_exactly_the_values(head, miroto):
    book = fill(download(head, miroto))
    expected = {(k, e): cell.value for cell, k, e in value_cells(book)}
    response = preview(head, miroto, as_file(book))
    changes = response.context["preview"].changes
    assert (changes.counts, changes.unchanged) == ({"new": len(expected)}, 0)
    assert DataValue.objects.count() == 0  # the preview stores nothing
    assert "Simpan" in response.content.decode()

    stored_response = confirm(head, miroto, response)
    assert stored_response.status_code == 302
    assert stored_response.url == reverse("reports:entry", args=[miroto.code, PERIOD_TEXT])
    assert stored(miroto) == expected
    report = MonthlyReport.objects.get(puskesmas=miroto, period=PERIOD)
    assert (report.status, report.version) == ("draft", 2)

    again = preview(head, miroto, as_file(book))
    changes = again.context["preview"].changes
    assert (len(changes.cells), changes.unchanged) == (0, len(expected))
    assert again.context["token"] == ""
    assert "tidak ada yang perlu diubah" in again.content.decode()


def test_blank_cell_is_not_reported_and_zero_is_zero(head, personas, miroto):
    filled_report(miroto, personas["head_a"])
    book = download(head, miroto)
    cells = list(value_cells(book))
    (blank, k1, e1), (zero, k2, e2) = cells[0], cells[1]
    blank.value, zero.value = None, 0
    response = preview(head, miroto, as_file(book))
    changes = response.context["preview"].changes
    assert changes.counts == {"blanked": 1, "changed": 1}
    assert [(c.cell, c.new) for c in changes.cells] == [(blank.coordinate, None), (zero.coordinate, 0)]
    confirm(head, miroto, response)
    values = stored(miroto)
    assert values[k1, e1] is None
    assert values[k2, e2] == 0


def test_one_bad_cell_among_hundreds_is_listed_and_nothing_is_stored(head, miroto):
    book = fill(download(head, miroto))
    cells = list(value_cells(book))
    assert len(cells) > 400
    bad, kelurahan_code, element_code = cells[250]
    bad.value = "dua belas"
    response = preview(head, miroto, as_file(book))
    problems = response.context["preview"].problems
    assert len(problems) == 1
    assert problems[0].cell == bad.coordinate
    assert problems[0].kelurahan == Kelurahan.objects.get(code=kelurahan_code).name
    assert problems[0].element == DataElement.objects.get(code=element_code).name
    body = response.content.decode()
    assert "“dua belas” bukan angka" in body
    assert "Tidak ada yang disimpan" in body
    assert response.context["token"] == ""
    assert 'name="token"' not in body
    assert DataValue.objects.count() == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-5, "-5 negatif"),
        ("lima", "“lima” bukan angka"),
        (2.5, "2.5 bukan bilangan bulat"),
        ("12,5", "“12,5” bukan angka"),
        (True, "“True” bukan angka"),
        (5_000_000, "5000000 terlalu besar"),
    ],
)
def test_bad_numbers_are_named_by_cell(head, miroto, value, message):
    book = download(head, miroto)
    cell = next(value_cells(book))[0]
    cell.value = value
    response = preview(head, miroto, as_file(book))
    problems = response.context["preview"].problems
    assert [p.cell for p in problems] == [cell.coordinate]
    assert message in problems[0].message
    assert MonthlyReport.objects.count() == 0


def zip_bomb() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (workbook.MAX_UNPACKED_BYTES + 1))
    return data.getvalue()


def sheet_with(cell: str) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.active["B2"], book.active["B3"] = "puskesmas-miroto", PERIOD_TEXT
    book.active[cell] = 1
    return book


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "bukan buku kerja Excel"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 200, "bukan buku kerja Excel"),
        (b"PK\x03\x04 not really a zip", "bukan buku kerja Excel"),
        (b"", "Berkas kosong"),
        (b"x" * (workbook.MAX_BYTES + 1), "lebih dari 5 MB"),
        (zip_bomb(), "jauh lebih besar"),
        (sheet_with("D900"), "jauh lebih banyak baris atau kolom"),
        (sheet_with("ZZ10"), "jauh lebih banyak baris atau kolom"),
        (openpyxl.Workbook(), "bukan templat laporan"),
    ],
    ids=["html", "exe", "fake-zip", "empty", "oversize", "zip-bomb", "rows", "columns", "blank-workbook"],
)
def test_files_that_are_not_a_template_are_refused(head, miroto, content, message):
    response = preview(head, miroto, as_file(content))
    problems = response.context["preview"].problems
    assert len(problems) == 1
    assert message in problems[0].message
    assert MonthlyReport.objects.count() == 0


def test_template_of_another_puskesmas_or_month_is_refused(head, personas, miroto, poncol):
    dinkes = Client()
    dinkes.force_login(personas["staf"])
    other_puskesmas = fill(download(dinkes, poncol))
    other_month = fill(download(dinkes, miroto, "2025-08"))
    response = preview(head, miroto, as_file(other_puskesmas))
    assert "milik puskesmas lain (puskesmas-poncol)" in response.context["preview"].problems[0].message
    response = preview(head, miroto, as_file(other_month))
    assert "untuk bulan 2025-08, bukan 2025-09" in response.context["preview"].problems[0].message
    assert DataValue.objects.count() == 0


def test_unknown_and_outside_kelurahan_and_unknown_element(head, miroto, poncol):
    book = fill(download(head, miroto))
    sheet = book.active
    replaced = sheet["D7"].value
    outside = working_area(puskesmas=poncol, period=PERIOD)[0]
    sheet["D7"], sheet["E7"] = "33.74.99.9999", outside.code
    sheet["A9"] = "BUMIL_K99"
    response = preview(head, miroto, as_file(book))
    messages = [(p.cell, p.message) for p in response.context["preview"].problems]
    assert ("D7", "Tidak ada kelurahan dengan kode 33.74.99.9999.") in messages
    assert ("E7", f"Kelurahan {outside.name} tidak termasuk wilayah kerja puskesmas ini pada 2025-09.") in messages
    assert ("A9", "Tidak ada elemen data aktif dengan kode BUMIL_K99.") in messages
    missing = [m for c, m in messages if not c]
    assert any(Kelurahan.objects.get(code=replaced).name in m for m in missing)
    assert any("Ibu hamil K1" in m for m in missing)
    assert DataValue.objects.count() == 0


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_report_that_is_not_editable_is_refused(head, personas, miroto, status):
    report = filled_report(miroto, personas["head_a"])
    book = fill(download(head, miroto))
    MonthlyReport.objects.filter(pk=report.pk).update(status=status)
    before = stored(miroto)
    response = preview(head, miroto, as_file(book))
    assert "tidak dapat diubah lagi" in response.context["preview"].problems[0].message
    assert response.context["token"] == ""
    assert stored(miroto) == before


def test_concurrent_save_between_preview_and_confirm_is_refused(head, personas, miroto):
    report = filled_report(miroto, personas["head_a"])
    book = fill(download(head, miroto), value=lambda n: 1000 + n)
    response = preview(head, miroto, as_file(book))
    assert response.context["preview"].version == report.version
    first = working_area(puskesmas=miroto, period=PERIOD)[0]
    k1 = DataElement.objects.get(code="BUMIL_K1")
    actions.save_values(report, [actions.CellValue(first.pk, k1.pk, 77)], by=personas["head_a"], version=report.version)
    before = stored(miroto)

    refused = confirm(head, miroto, response)
    assert refused.status_code == 302
    assert refused.url == upload_url(miroto)
    assert "Orang lain menyimpan laporan ini setelah pratinjau Anda" in head.get(refused.url).content.decode()
    assert stored(miroto) == before
    assert before[first.code, "BUMIL_K1"] == 77


def test_a_preview_is_stored_once(head, miroto):
    response = preview(head, miroto, as_file(fill(download(head, miroto))))
    confirm(head, miroto, response)
    again = head.post(upload_url(miroto), {"token": response.context["token"]}, follow=True)
    assert "Pratinjau ini sudah kedaluwarsa" in again.content.decode()
    forged = head.post(upload_url(miroto), {"token": "../../etc/passwd"}, follow=True)
    assert "Pratinjau ini sudah kedaluwarsa" in forged.content.decode()


@pytest.mark.parametrize(("head_name", "puskesmas"), [("head_a", "miroto"), ("head_b", "poncol")])
def test_upload_preview_takes_constant_queries(
    client, personas, head_name, puskesmas, request, django_assert_num_queries
):
    place = request.getfixturevalue(puskesmas)
    filled_report(place, personas[head_name])
    client.force_login(personas[head_name])
    book = fill(download(client, place))
    file = as_file(book)
    # session, user, roles, puskesmas, permissions (2), report, kelurahan, elements, values, city kelurahan,
    # and the session saved with the pending preview (savepoint, update, release)
    with django_assert_num_queries(14):
        response = preview(client, place, file)
    assert response.context["preview"].can_store


def test_formula_like_text_is_escaped_in_the_template(head, miroto):
    Program.objects.filter(code="ilp").update(name="@SUM(A1:A9)")
    DataElement.objects.filter(code="BUMIL_K1").update(name='=HYPERLINK("http://x","klik")', unit="+cmd")
    Kelurahan.objects.filter(code=working_area(puskesmas=miroto, period=PERIOD)[0].code).update(name="-2+3")
    sheet = download(head, miroto).active
    texts = {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert {"'@SUM(A1:A9)", '\'=HYPERLINK("http://x","klik")', "'+cmd", "'-2+3"} <= texts
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
