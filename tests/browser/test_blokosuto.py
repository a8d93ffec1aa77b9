"""The BLOKOSUTO journey: a head submits a practice with evidence, two facilitators of the class
review it, Dinkes records the decision and publishes it, another head replicates it, and it is
recommended on the risk map's panel of a kelurahan where stunting is red.

Buttons are found by their form's action, not their label, so the test holds in either language.
"""

import random

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from blokosuto.models import Evidence, GoodPractice, Replication, ThematicClass
from programs.models import Indicator
from regions.demo import seed_populations
from reports.queries import working_area
from tests.factory import PASSWORD, make_user
from tests.reports.builders import PERIOD
from tests.riskmap.conftest import RISKY, SAFE, approved_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 900}


@pytest.fixture
def reviewers(personas):
    cemerlang = ThematicClass.objects.get(code="cemerlang")
    second = make_user("fasilitator-dua", Role.FASILITATOR, first_name="Dewi", last_name="Lestari")
    cemerlang.facilitators.add(personas["fasilitator"], second)
    return [personas["fasilitator"], second]


@pytest.fixture
def red_stunting(personas, miroto, poncol):
    """September 2025 approved for Miroto and Poncol; one Miroto kelurahan the city's worst in stunting."""
    seed_populations(random.Random(1))
    worst = working_area(puskesmas=miroto, period=PERIOD)[0]
    approved_report(miroto, personas["head_a"], personas["staf"], overrides=RISKY, red_stunting_in=worst)
    approved_report(poncol, personas["head_b"], personas["staf"], overrides=SAFE)
    return worst


def logged_in(browser, live_server, username: str, viewport=LAPTOP):
    page = browser.new_context(viewport=viewport).new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    return page, errors


def test_submit_review_publish_replicate(
    browser, live_server, personas, reviewers, red_stunting, settings, tmp_path, screenshot
):
    settings.MEDIA_ROOT = tmp_path
    stunting = Indicator.objects.get(code="STUNTING")

    head, head_errors = logged_in(browser, live_server, "kepala-miroto", PHONE)
    head.goto(f"{live_server.url}/blokosuto/")
    head.locator("a[href$='/blokosuto/praktik/baru/']").first.click()
    head.fill("[name=title]", "Kelas ibu balita bersama kader")
    head.select_option("[name=thematic_class]", str(ThematicClass.objects.get(code="cemerlang").pk))
    head.fill("[name=team]", "Tim gizi Puskesmas Miroto")
    head.fill("[name=started_on]", "2024-06-01")
    head.select_option("[name=stage]", "implemented")
    head.fill("[name=problem]", "Stunting tinggi di RW padat.")
    head.fill("[name=target_group]", "Balita dan ibunya")
    head.fill("[name=steps]", "1. Kader dilatih mengukur.\n2. Kelas ibu balita tiap bulan.")
    head.fill("[name=cost]", "2.500.000")
    head.check("input[name=partner_sectors][value=kader]")
    head.fill("[name=results]", "Balita yang diukur naik.")
    head.fill("[name=transferability]", "Kader terlatih dan ruang RW.")
    head.fill("[name=contact_name]", "Siti Rahayu")
    head.check(f"input[name=indicators][value='{stunting.pk}']")
    head.locator("input[name=kelurahan]").first.check()
    head.fill("[name=before_period]", "2025-03")
    head.fill("[name=after_period]", "2025-09")
    head.set_input_files(
        "[name=evidence]", files=[{"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    screenshot("blokosuto-form-phone", of=head)
    head.locator("form.practice-form button[type=submit]").first.click()
    expect(head.locator("a[href*='/bukti/']")).to_have_count(1)
    practice = GoodPractice.objects.get()
    assert Evidence.objects.get().display_name == "notulen.pdf"
    head.locator("form[action$='/kirim/'] button").click()
    expect(head.locator(".badge.practice-submitted").first).to_be_visible()

    for reviewer, score in zip(reviewers, (5, 4), strict=True):
        page, errors = logged_in(browser, live_server, reviewer.username)
        page.goto(f"{live_server.url}{practice.get_absolute_url()}")
        page.locator(f"a[href$='/praktik/{practice.pk}/nilai/']").click()
        for criterion in ("relevance", "effectiveness", "equity", "sustainability", "transferability", "participation"):
            page.locator(f"label[for=id_{criterion}_{score - 1}]").click()
        page.fill("[name=comment]", "Bukti pengukuran lengkap.")
        if score == 5:
            screenshot("blokosuto-review-laptop", of=page)
        page.locator("form button[type=submit]").last.click()
        expect(page.locator(".badge.practice-in_review").first).to_be_visible()
        assert errors == []

    staf, staf_errors = logged_in(browser, live_server, "staf")
    staf.goto(f"{live_server.url}{practice.get_absolute_url()}")
    staf.locator("form[action$='/putuskan/'] button").click()
    expect(staf.locator(".badge.practice-good").first).to_be_visible()
    staf.locator("form[action$='/terbitkan/'] button").click()
    expect(staf.locator(".badge.practice-published").first).to_be_visible()

    other, other_errors = logged_in(browser, live_server, "kepala-poncol", PHONE)
    other.goto(f"{live_server.url}/blokosuto/katalog/?q=kader")
    other.locator(f"a[href='{practice.get_absolute_url()}']").click()
    other.locator(f"a[href$='/praktik/{practice.pk}/replikasi/']").click()
    other.select_option("[name=status]", "implemented")
    other.locator("input[name=kelurahan]").nth(0).check()
    other.locator("input[name=kelurahan]").nth(1).check()
    other.fill("[name=started_on]", "2025-07-01")
    other.fill("[name=adaptation_notes]", "Kelas digabung dengan posyandu lansia.")
    other.locator("form button[type=submit]").last.click()
    expect(other.locator("#replicated-in")).to_contain_text("2")
    assert Replication.objects.get().kelurahan.count() == 2
    screenshot("blokosuto-practice-phone", of=other)

    wide, wide_errors = logged_in(browser, live_server, "kepala-poncol")
    wide.goto(f"{live_server.url}{practice.get_absolute_url()}")
    expect(wide.locator("canvas[data-indicator=STUNTING]")).to_be_visible()
    screenshot("blokosuto-practice-laptop", of=wide)
    wide.goto(f"{live_server.url}/blokosuto/kelas/cemerlang/")
    expect(wide.locator(".ranked-practices .practice-card")).to_have_count(1)
    screenshot("blokosuto-class-laptop", of=wide)
    wide.goto(f"{live_server.url}/blokosuto/")
    screenshot("blokosuto-index-laptop", of=wide)
    other.goto(f"{live_server.url}/blokosuto/kelas/cemerlang/")
    screenshot("blokosuto-class-phone", of=other)

    wide.goto(f"{live_server.url}/riskmap/kelurahan/{red_stunting.code}/?period={PERIOD:%Y-%m}")
    expect(wide.locator("#panel-drivers")).to_contain_text("Prevalensi balita stunting")
    expect(wide.locator("#panel-practices")).to_contain_text("Kelas ibu balita bersama kader")
    screenshot("riskmap-panel-with-practice-laptop", of=wide)
    assert head_errors == staf_errors == other_errors == wide_errors == []
