"""The monthly report journey: a head fills the grid, meets an error, fixes it, submits; Dinkes
returns it with a reason; she corrects and resubmits; Dinkes approves and the grid is read-only."""

import pytest
from playwright.sync_api import expect

from tests.factory import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PERIOD = "2025-09"
FILL_ALL = """(value) => document.querySelectorAll('input.cell-input').forEach((input) => { input.value = value; })"""


def cell(page, element: str, column: int):
    row = page.locator("#entry-grid tbody tr", has=page.locator(f"text={element}"))
    return row.locator(f'td[data-column="{column}"] input')


def test_head_submits_dinkes_returns_then_approves(browser, live_server, personas, screenshot):
    url = f"{live_server.url}/laporan/puskesmas-miroto/{PERIOD}/"
    head = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    head.goto(f"{live_server.url}/akun/masuk/")
    head.get_by_label("Nama pengguna").fill("kepala-miroto")
    head.get_by_label("Sandi", exact=False).fill(PASSWORD)
    head.get_by_role("button", name="Masuk").click()
    head.get_by_role("link", name="Laporan Bulanan", exact=True).click()
    head.goto(url)

    head.evaluate(FILL_ALL, "4")
    cell(head, "BBLR", 1).fill("9")  # more low-birth-weight babies than births: an error
    cell(head, "Ibu hamil K1", 2).fill("")  # left blank: not reported
    cell(head, "Bayi lahir hidup", 3).fill("1.234")
    head.get_by_role("button", name="Simpan", exact=True).click()
    expect(head.get_by_text("Tersimpan:")).to_be_visible()
    expect(head.locator("td.cell-error")).to_have_count(2)
    expect(cell(head, "Bayi lahir hidup", 3)).to_have_value("1234")
    screenshot("entry-with-error", of=head)

    head.get_by_role("button", name="Kirim ke Dinkes").click()
    expect(head.get_by_text("Belum dapat dikirim: 1 sel wajib masih kosong, 1 kesalahan")).to_be_visible()
    cell(head, "BBLR", 1).fill("1")
    cell(head, "Ibu hamil K1", 2).fill("4")
    head.get_by_role("button", name="Simpan", exact=True).click()
    head.get_by_role("button", name="Kirim ke Dinkes").click()
    expect(head.get_by_text("Terkirim ke Dinkes untuk ditinjau.")).to_be_visible()
    expect(head.locator("input.cell-input")).to_have_count(0)

    staf = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    staf.goto(f"{live_server.url}/akun/masuk/")
    staf.get_by_label("Nama pengguna").fill("staf")
    staf.get_by_label("Sandi", exact=False).fill(PASSWORD)
    staf.get_by_role("button", name="Masuk").click()
    staf.goto(f"{live_server.url}/laporan/")
    staf.get_by_role("link", name="Tinjau").click()
    staf.get_by_text("Kembalikan untuk perbaikan").click()
    staf.get_by_label("Apa yang harus diperbaiki puskesmas?").fill("KK total Kelurahan pertama tampak tertukar.")
    staf.get_by_role("button", name="Kembalikan", exact=True).click()
    expect(staf.get_by_text("Dikembalikan ke puskesmas beserta alasan Anda.")).to_be_visible()

    head.goto(url)
    expect(head.get_by_text("KK total Kelurahan pertama tampak tertukar.")).to_be_visible()
    cell(head, "Kepala keluarga", 1).fill("250")
    head.get_by_role("button", name="Simpan", exact=True).click()
    head.get_by_role("button", name="Kirim ke Dinkes").click()
    expect(head.get_by_text("Terkirim ke Dinkes untuk ditinjau.")).to_be_visible()

    staf.goto(url)
    staf.get_by_role("button", name="Setujui").click()
    expect(staf.get_by_text("Disetujui. Laporan kini hanya dapat dibaca.")).to_be_visible()
    head.goto(url)
    expect(head.locator(".badge.status-approved")).to_have_text("Disetujui")
    expect(head.locator("input.cell-input")).to_have_count(0)
    expect(head.get_by_role("button", name="Simpan", exact=True)).to_have_count(0)
    screenshot("entry-approved", of=head)
