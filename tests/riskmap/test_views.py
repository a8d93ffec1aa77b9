"""The map data endpoint, the map page, the panel, the table exports, the comparison and the method page."""

import io
import json

import openpyxl
import pytest

from reports.queries import working_area
from riskmap import queries
from tests.reports.builders import PERIOD, PERIOD_TEXT

SCORES = f"/riskmap/api/scores.geojson?period={PERIOD_TEXT}"
PROPERTIES = {
    "code",
    "name",
    "kecamatan",
    "puskesmas",
    "score",
    "category",
    "rank",
    "coverage",
    "flags",
    "themes",
    "parts",
}


def geojson(client, url=SCORES) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def test_the_endpoint_returns_one_feature_per_kelurahan(client, personas, approved_month, miroto, model):
    client.force_login(personas["staf"])
    data = geojson(client)

    assert data["type"] == "FeatureCollection"
    assert data["period"] == PERIOD_TEXT
    assert data["model"]["id"] == model.pk
    assert data["limits"] == [0.2, 0.4, 0.6, 0.8]
    assert len(data["features"]) == 177
    feature = next(
        f for f in data["features"] if f["properties"]["code"] == working_area(puskesmas=miroto, period=PERIOD)[0].code
    )
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    properties = feature["properties"]
    assert set(properties) >= PROPERTIES
    assert 0 <= properties["score"] <= 1
    assert 1 <= properties["category"] <= 5
    assert properties["rank"] >= 1
    assert properties["puskesmas"] == miroto.name
    assert {"indicator", "theme", "rate", "normalised", "contribution", "flagged"} <= set(properties["parts"][0])
    unscored = [f["properties"] for f in data["features"] if f["properties"]["score"] is None]
    assert unscored
    assert all(p["category"] == 0 and p["rank"] is None for p in unscored)


def test_a_theme_colours_by_that_theme(client, personas, approved_month):
    client.force_login(personas["staf"])
    data = geojson(client, SCORES + "&theme=gizi")
    assert data["theme"] == "gizi"
    scored = [f["properties"] for f in data["features"] if f["properties"]["score"] is not None]
    assert scored
    assert all(p["score"] == p["themes"]["gizi"]["score"] for p in scored)
    assert all(p["rank"] == p["themes"]["gizi"]["rank"] for p in scored)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("period=2025-13", "period", "Isi bulan sebagai TAHUN-BULAN"),
        ("period=2999-01", "period", "Pilih bulan yang sudah berjalan"),
        ("period=2025-09&model=999", "model", "Tidak ada model risiko"),
        ("period=2025-09&theme=kebahagiaan", "theme", "Tidak ada tema"),
    ],
)
def test_bad_parameters_get_a_400_in_indonesian(client, personas, approved_month, query, field, message):
    client.force_login(personas["staf"])
    response = client.get(f"/riskmap/api/scores.geojson?{query}")
    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]


def test_the_endpoint_reads_in_a_constant_number_of_queries(
    client, personas, approved_month, model, django_assert_num_queries
):
    client.force_login(personas["staf"])
    geojson(client)  # computes the month
    with django_assert_num_queries(7):  # session, user, roles, latest model, data stamp, run, scores
        geojson(client)


def test_small_counts_are_hidden_below_dinkes(client, personas, miroto, populations, model):
    from tests.riskmap.conftest import approved_report

    approved_report(miroto, personas["head_a"], personas["staf"], overrides={"TB_TERDUGA": 3, "TB_TERDUGA_DILAYANI": 3})
    code = working_area(puskesmas=miroto, period=PERIOD)[0].code

    def tb_part(user) -> dict:
        client.force_login(user)
        feature = next(f for f in geojson(client)["features"] if f["properties"]["code"] == code)
        return next(p for p in feature["properties"]["parts"] if p["indicator"] == "SPM_11_TBC")

    assert tb_part(personas["staf"])["numerator"] == 3
    assert tb_part(personas["pimpinan"])["numerator"] == 3
    for persona in ("head_a", "head_b", "fasilitator"):
        assert tb_part(personas[persona]) | {"normalised": None} == tb_part(personas[persona]) | {"normalised": None}
        assert tb_part(personas[persona])["numerator"] == "<5"
        assert tb_part(personas[persona])["rate"] is None


@pytest.mark.parametrize("url", [SCORES, "/riskmap/", "/riskmap/metode/", "/riskmap/banding/", "/riskmap/tabel.csv"])
def test_a_user_without_a_role_is_refused_and_a_visitor_sent_to_log_in(client, personas, approved_month, url):
    assert client.get(url).status_code == 302
    client.force_login(personas["no_role"])
    assert client.get(url).status_code == 403


def test_the_map_page_lists_every_kelurahan_riskiest_first(
    client, personas, approved_month, django_assert_max_num_queries
):
    client.force_login(personas["head_b"])
    client.get("/riskmap/")
    with django_assert_max_num_queries(13):
        page = client.get("/riskmap/")
    assert page.status_code == 200
    rows = page.context["rows"]
    assert len(rows) == 177
    ranks = [row.rank for row in rows if row.rank]
    assert ranks == sorted(ranks)
    assert rows[-1].score is None
    assert "Data per" in page.content.decode()
    assert b'id="risk-config"' in page.content


def test_the_map_page_without_approved_reports_says_so(client, personas):
    client.force_login(personas["pimpinan"])
    page = client.get("/riskmap/")
    assert page.status_code == 200
    assert page.context["run"] is None
    assert "Belum ada laporan bulanan yang disetujui" in page.content.decode()


def test_the_panel_explains_the_score(client, personas, approved_month, miroto, django_assert_max_num_queries):
    client.force_login(personas["head_a"])
    code = working_area(puskesmas=miroto, period=PERIOD)[0].code
    url = f"/riskmap/kelurahan/{code}/?period={PERIOD_TEXT}&partial=1"
    client.get(url)  # computes the 12 months of the trend
    with django_assert_max_num_queries(16):
        page = client.get(url)
    panel = page.context["panel"]
    assert panel.drivers
    assert panel.drivers[0].contribution >= panel.drivers[-1].contribution
    assert sum(d.share for d in panel.drivers) == pytest.approx(1.0)
    assert panel.puskesmas == miroto
    assert len(panel.trend) == 12
    assert panel.trend[-1].score == panel.score.score
    content = page.content.decode()
    assert "Prevalensi balita stunting" in content
    assert "<html" not in content
    assert client.get(url.replace("&partial=1", "")).content.decode().count("<html") == 1


def test_the_table_exports_as_csv_and_xlsx(client, personas, approved_month):
    client.force_login(personas["pimpinan"])
    csv = client.get(f"/riskmap/tabel.csv?period={PERIOD_TEXT}")
    assert csv.status_code == 200
    assert "peta-risiko-2025-09.csv" in csv["Content-Disposition"]
    lines = csv.content.decode().splitlines()
    assert len(lines) == 178
    assert lines[0].startswith("Peringkat,Kode kelurahan")
    xlsx = client.get(f"/riskmap/tabel.xlsx?period={PERIOD_TEXT}&theme=gizi")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 178
    assert "gizi" in xlsx["Content-Disposition"]


def test_the_comparison_lists_who_got_worse_first(client, personas, approved_month, model, miroto):
    from tests.riskmap.conftest import RISKY, SAFE, approved_report

    october = PERIOD.replace(month=10)
    poncol = personas["head_b"].puskesmas
    approved_report(miroto, personas["head_a"], personas["staf"], period=october, overrides=SAFE)
    approved_report(poncol, personas["head_b"], personas["staf"], period=october, overrides=RISKY)
    client.force_login(personas["staf"])
    page = client.get("/riskmap/banding/?before=2025-09&after=2025-10")
    comparison = page.context["comparison"]
    assert comparison.before.period == PERIOD
    assert comparison.after.period == october
    worst = comparison.changes[0]
    assert worst.change > 0
    assert worst.code in {k.code for k in working_area(puskesmas=poncol, period=october)}
    bad = client.get("/riskmap/banding/?before=2025-10&after=2025-09")
    assert "Pilih bulan yang lebih akhir" in bad.content.decode()


def test_the_method_page_lists_the_model(client, personas, model):
    client.force_login(personas["head_a"])
    page = client.get("/riskmap/metode/")
    content = page.content.decode()
    assert page.status_code == 200
    assert str(model) in content
    assert "(r − 1) / (N − 1)" in content
    assert "Prevalensi balita stunting" in content
    assert next(label for label, _weight, _components in queries.model_themes(model))
