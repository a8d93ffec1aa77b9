"""The risk map journey: open the map, choose a month, click a red kelurahan, see what drives its score."""

import random

import pytest
from playwright.sync_api import expect

from regions.demo import seed_populations
from reports.demo import seed_reports
from riskmap.queries import reported_months
from tests.factory import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_months(personas):
    seed_populations(random.Random(1))
    seed_reports(random.Random(1))
    return reported_months()


def test_pimpinan_finds_why_a_kelurahan_is_red(page, live_server, demo_months, log_in, console_errors, screenshot):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in("pimpinan", PASSWORD)
    page.get_by_role("link", name="Peta risiko").click()
    expect(page.get_by_role("heading", name="Peta risiko kesehatan")).to_be_visible()
    expect(page.locator("#risk-map[data-loaded=true]")).to_be_attached()

    earlier = demo_months[2]
    page.get_by_label("Bulan").select_option(f"{earlier:%Y-%m}")
    expect(page).to_have_url(f"{live_server.url}/riskmap/?period={earlier:%Y-%m}&theme=&indicator=")
    expect(page.locator("#risk-map[data-loaded=true]")).to_be_attached()
    expect(page.locator("path.kelurahan-shape")).to_have_count(177)
    expect(page.locator("#risk-legend .swatch")).to_have_count(6)
    expect(page.locator("#risk-table tbody tr")).to_have_count(177)
    screenshot("riskmap-laptop")

    red = page.locator("path.kelurahan-shape[data-category='5'], path.kelurahan-shape[data-category='4']").first
    code = red.get_attribute("data-code")
    red.click()
    panel = page.locator("#risk-panel")
    expect(panel.locator(f".risk-panel-body[data-code='{code}']")).to_be_visible()
    expect(panel.get_by_role("heading", name="Apa yang mendorong skor")).to_be_visible()
    expect(panel.locator("#panel-drivers li").first).to_be_visible()
    assert panel.locator("#panel-drivers li").count() >= 5
    expect(panel.locator(".trend-chart circle").first).to_be_attached()
    expect(panel.locator(".badge.risk-5, .badge.risk-4").first).to_be_visible()
    screenshot("riskmap-panel-laptop")

    page.get_by_label("Atau satu indikator").select_option("STUNTING")
    expect(page.locator("#risk-legend")).to_contain_text("Peringkat persentil indikator")
    page.get_by_placeholder("Kelurahan, kecamatan, atau puskesmas").fill("tambangan")
    expect(page.locator("#risk-table tbody tr:visible")).to_have_count(1)
    assert console_errors == []


def test_a_head_reads_the_map_on_her_phone(page, live_server, demo_months, log_in, console_errors, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("kepala-miroto", PASSWORD)
    page.goto(f"{live_server.url}/riskmap/")
    expect(page.locator("#risk-map[data-loaded=true]")).to_be_attached()
    screenshot("riskmap-phone")
    page.locator("#risk-table a.risk-link").first.click()
    expect(page.locator("#risk-panel #panel-drivers")).to_be_visible()
    screenshot("riskmap-panel-phone", of=page.locator("#risk-panel"))
    page.goto(f"{live_server.url}/riskmap/banding/")
    expect(page.locator("#compare-table tbody tr")).to_have_count(177)
    screenshot("riskmap-compare-phone")
    page.goto(f"{live_server.url}/riskmap/metode/")
    screenshot("riskmap-method-phone")
    assert console_errors == []
