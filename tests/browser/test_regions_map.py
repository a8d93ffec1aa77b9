"""The first journey: log in, see the home page, open the regions map, find a kelurahan."""

import pytest
from playwright.sync_api import expect

from tests.factory import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_logs_in_and_the_map_draws_177_kelurahan(page, live_server, personas, log_in, console_errors, screenshot):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url)
    expect(page).to_have_url(f"{live_server.url}/akun/masuk/?next=/")
    log_in("staf", PASSWORD)
    expect(page.get_by_role("heading", name="Selamat datang, staf")).to_be_visible()
    screenshot("home-staf-laptop")

    page.get_by_role("link", name="Wilayah", exact=True).click()
    expect(page.locator("#region-map[data-loaded=true]")).to_be_attached()
    expect(page.locator("path.kelurahan-shape")).to_have_count(177)
    expect(page.locator("path.puskesmas-point")).to_have_count(40)
    expect(page.locator("#map-legend .col")).to_have_count(16)
    screenshot("regions-laptop")

    page.get_by_placeholder("Kelurahan, kecamatan, puskesmas, atau kode").fill("tambangan")
    expect(page.locator("#region-table tr[data-search]:visible")).to_have_count(1)
    expect(page.locator("#region-table tr[data-kecamatan-header]:visible")).to_have_text("Kecamatan Mijen 33.74.14")
    expect(page.locator("#region-count")).to_have_text("1 kelurahan ditampilkan")
    page.get_by_role("link", name="Tambangan").click()
    expect(page.get_by_role("heading", name="Kelurahan Tambangan")).to_be_visible()
    expect(page.locator("path.kelurahan-shape")).to_have_count(177)
    expect(page.get_by_role("link", name="Puskesmas Mijen")).to_be_visible()
    screenshot("kelurahan-laptop")
    assert console_errors == []


def test_clicking_a_kelurahan_on_the_map_opens_it(page, live_server, personas, log_in):
    log_in("pimpinan", PASSWORD)
    page.goto(f"{live_server.url}/wilayah/")
    expect(page.locator("path.kelurahan-shape")).to_have_count(177)
    page.locator('path.kelurahan-shape[data-code="33.74.01.1002"]').dispatch_event("click")
    expect(page).to_have_url(f"{live_server.url}/wilayah/kelurahan/33.74.01.1002/")
    expect(page.get_by_role("heading", name="Kelurahan Brumbungan")).to_be_visible()


def test_wrong_password_is_explained_in_indonesian(page, live_server, personas, log_in):
    log_in("staf", "bukan-sandinya")
    expect(page.get_by_text("Masukkan nama pengguna")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/akun/masuk/")


def test_head_on_a_phone_sees_her_puskesmas(page, live_server, personas, log_in, console_errors, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("kepala-miroto", PASSWORD)
    expect(page.get_by_role("heading", name="Puskesmas Miroto")).to_be_visible()
    screenshot("home-head-phone")
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Wilayah", exact=True).click()
    expect(page.locator("path.kelurahan-shape")).to_have_count(177)
    screenshot("regions-phone")
    assert console_errors == []


def test_language_switch_to_english_and_back(page, live_server, personas, log_in):
    log_in("pimpinan", PASSWORD)
    page.get_by_role("button", name="EN").click()
    expect(page.get_by_role("heading", name="Welcome, pimpinan")).to_be_visible()
    page.get_by_role("button", name="ID").click()
    expect(page.get_by_role("heading", name="Selamat datang, pimpinan")).to_be_visible()
