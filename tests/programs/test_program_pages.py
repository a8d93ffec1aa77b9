"""The program pages: the catalogue in words, city trends, the table by puskesmas, small counts hidden."""

import datetime
import json

import pytest
from django.urls import reverse

from accounts.roles import Role
from programs.expressions import parse
from programs.queries import formula_in_words
from regions.models import Puskesmas
from tests.factory import make_user
from tests.reports.test_analytics import HALMAHERA, make_report, set_targets

D = datetime.date
PROGRAMS = ["spm", "permaisuri", "krisnna", "kleopatra", "ilp"]


def test_formula_in_words():
    names = {"A": "Alpha", "B": "Beta", "C": "Gamma", "pop.bumil": "sasaran ibu hamil"}
    assert formula_in_words(parse("A / pop.bumil").tree, names) == "Alpha ÷ sasaran ibu hamil"
    assert formula_in_words(parse("(A + B) / C").tree, names) == "(Alpha + Beta) ÷ Gamma"
    assert formula_in_words(parse("A - (B - C)").tree, names) == "Alpha − (Beta − Gamma)"
    assert formula_in_words(parse("A * 2 + -B").tree, names) == "Alpha × 2 + −Beta"


def test_index_lists_the_programs(client, personas, django_assert_num_queries):
    client.force_login(personas["head_a"])
    with django_assert_num_queries(5):  # session, user, programs, their indicators, their data elements
        response = client.get(reverse("programs:index"))
    programs = {p.code: p for p in response.context["programs"]}
    assert list(programs) == PROGRAMS
    assert programs["spm"].indicator_count == 12
    assert programs["spm"].element_count == 14  # none of its own: those its indicators use
    body = response.content.decode()
    assert "Tujuan" in body
    assert reverse("programs:detail", args=["kleopatra"]) in body


@pytest.fixture
def krisnna_january(semarang):
    """Three infant deaths and 60 live births in Halmahera's working area, January 2025."""
    k1, k2 = HALMAHERA[1]
    set_targets(2025, **{k: {"lahir_hidup": 40, "bayi": 40} for k in HALMAHERA[1]})
    make_report(
        HALMAHERA[0],
        D(2025, 1, 1),
        {
            k1: {"KEMATIAN_BAYI": 2, "LAHIR_HIDUP": 30, "KN1": 30},
            k2: {"KEMATIAN_BAYI": 1, "LAHIR_HIDUP": 30, "KN1": 27},
        },
    )


@pytest.mark.parametrize("code", PROGRAMS)
def test_every_program_page_in_a_constant_number_of_queries(client, personas, krisnna_january, code, django_assert_num_queries):  # noqa: E501  # fmt: skip
    client.force_login(personas["staf"])
    with django_assert_num_queries(18):  # session, user, program, catalogue (2), trend (5), table (7), roles
        response = client.get(reverse("programs:detail", args=[code]), {"period": "2025-01"})
    catalogue = response.context["catalogue"]
    assert catalogue.indicators
    chart = json.loads(
        response.content.decode().split('id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    assert len(chart["labels"]) == 12
    assert set(chart["series"]) == {i.code for i in catalogue.indicators}


def test_program_page_explains_each_indicator(client, personas, krisnna_january):
    client.force_login(personas["staf"])
    response = client.get(reverse("programs:detail", args=["krisnna"]), {"period": "2025-01"})
    body = response.content.decode()
    assert 'Pembilang</dt><dd class="col-sm-8">Kunjungan neonatal pertama (KN1)</dd>' in body
    assert 'Penyebut</dt><dd class="col-sm-8">sasaran bayi lahir hidup</dd>' in body
    assert 'Bayi lahir hidup <span class="text-body-secondary">(per 1.000)</span>' in body  # AKB
    assert "Profil Kesehatan: AKB per 1.000 KH" in body  # the source of each indicator
    assert "Bayi baru lahir yang mendapat kunjungan neonatal pada 6–48 jam." in body  # data element definitions
    assert "Kumulatif tahun berjalan" in body
    kn1 = next(c for c in response.context["table"].city.cells if c.indicator.code == "KN1")
    assert (kn1.result.numerator, kn1.result.denominator) == (57, 80)
    assert kn1.target == 100 / 12
    assert "71,3%" in body  # 71.25 rounded half up


def test_trend_of_the_last_24_months(client, personas, krisnna_january):
    client.force_login(personas["staf"])
    response = client.get(reverse("programs:detail", args=["krisnna"]), {"period": "2025-01", "months": "24"})
    chart = response.context["chart"]
    assert len(chart["labels"]) == 24
    assert chart["labels"][-1] == "Jan 2025"
    kn1 = chart["series"]["KN1"]
    assert kn1["values"][-1] == 71.25
    assert kn1["values"][0] is None  # nothing reported in February 2023
    assert round(kn1["targets"][-1], 2) == 8.33


def test_small_counts_are_hidden_below_dinkes(client, personas, krisnna_january):
    halmahera = Puskesmas.objects.get(code=HALMAHERA[0])
    own_head = make_user("kepala-halmahera", Role.KEPALA_PUSKESMAS, puskesmas=halmahera)
    url = reverse("programs:detail", args=["krisnna"])

    def deaths(user):
        client.force_login(user)
        response = client.get(url, {"period": "2025-01"})
        table = response.context["table"]
        index = [c.indicator.code for c in table.city.cells].index("KEMATIAN_BAYI")
        row = next(r for r in table.rows if r.puskesmas == halmahera)
        series = response.context["chart"]["series"]["KEMATIAN_BAYI"]
        return table.city.cells[index].text, row.cells[index].text, series["values"][-1], series["numerators"][-1]

    assert deaths(personas["staf"]) == ("3", "3", 3, 3)
    assert deaths(personas["pimpinan"]) == ("3", "3", 3, 3)
    assert deaths(personas["head_b"]) == ("<5", "<5", None, None)
    assert deaths(personas["fasilitator"]) == ("<5", "<5", None, None)
    assert deaths(own_head) == ("<5", "3", None, None)  # her own count, not the city's


def test_a_bad_month_is_explained_and_the_latest_shown(client, personas, krisnna_january):
    client.force_login(personas["staf"])
    response = client.get(reverse("programs:detail", args=["krisnna"]), {"period": "2025-1x"})
    assert response.context["period"] == D(2025, 1, 1)
    assert "Isi bulan sebagai TAHUN-BULAN" in response.content.decode()


def test_approved_only_leaves_submitted_reports_out(client, personas, krisnna_january):
    make_report("puskesmas-candilama", D(2025, 1, 1), {"33.74.08.1004": {"KEMATIAN_BAYI": 4}}, status="submitted")
    client.force_login(personas["staf"])
    url = reverse("programs:detail", args=["krisnna"])
    for data, expected in (("", 7), ("approved", 3)):
        table = client.get(url, {"period": "2025-01", "data": data}).context["table"]
        assert next(c for c in table.city.cells if c.indicator.code == "KEMATIAN_BAYI").result.value == expected


def test_unknown_program_is_404(client, personas):
    client.force_login(personas["staf"])
    assert client.get(reverse("programs:detail", args=["tidak-ada"])).status_code == 404


@pytest.mark.parametrize("persona", ["admin", "staf", "pimpinan", "fasilitator", "head_a", "no_role"])
def test_every_user_reads_the_program_pages(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("programs:index")).status_code == 200
    assert client.get(reverse("programs:detail", args=["spm"])).status_code == 200


def test_navbar_links_the_programs(client, personas):
    client.force_login(personas["staf"])
    assert 'href="/program/"' in client.get(reverse("home")).content.decode()
