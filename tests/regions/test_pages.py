import random

import pytest
from django.urls import reverse

from regions.demo import seed_populations
from regions.models import Kelurahan, Population

pytestmark = pytest.mark.django_db


@pytest.fixture
def populated(semarang):
    seed_populations(random.Random(1))


@pytest.fixture
def staf_client(client, personas):
    client.force_login(personas["staf"])
    return client


def test_regions_page_lists_every_kelurahan_with_its_puskesmas(staf_client, populated, django_assert_num_queries):
    with django_assert_num_queries(4):  # session, user, population year, the table
        response = staf_client.get(reverse("regions:index"))
    rows = list(response.context["rows"])
    assert len(rows) == 177
    miroto = next(row for row in rows if row.code == "33.74.01.1001")
    assert miroto.puskesmas_name == "Puskesmas Miroto"
    latest = Population.objects.get(kelurahan__code=miroto.code, year=response.context["year"], group="penduduk")
    assert miroto.penduduk == latest.value
    assert 'data-geojson-url="/wilayah/peta.geojson"' in response.content.decode()


@pytest.mark.parametrize(
    ("search", "expected"),
    # Mijen: its 14 kelurahan and Kemijen, whose name contains the word; tlogosari: the 8 kelurahan
    # served by the two Tlogosari puskesmas (the search covers puskesmas names too).
    [("Mijen", 15), ("tlogosari", 8), ("33.74.01", 15), ("Puskesmas Miroto", None), ("tidak-ada", 0)],
)
def test_search(staf_client, semarang, search, expected):
    response = staf_client.get(reverse("regions:index"), {"q": search})
    rows = list(response.context["rows"])
    if expected is None:
        assert rows
        assert {row.puskesmas_name for row in rows} == {"Puskesmas Miroto"}
    else:
        assert len(rows) == expected
    if expected == 0:
        assert "Tidak ada kelurahan yang cocok" in response.content.decode()


def test_overlong_search_is_ignored_not_an_error(staf_client, semarang):
    response = staf_client.get(reverse("regions:index"), {"q": "x" * 500})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 177


def test_map_data_has_177_shapes_and_the_puskesmas(staf_client, semarang, django_assert_num_queries):
    with django_assert_num_queries(4):
        data = staf_client.get(reverse("regions:map_data")).json()
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds.count("kelurahan") == 177
    assert kinds.count("puskesmas") == 40
    miroto = next(f for f in data["features"] if f["properties"]["code"] == "33.74.01.1001")
    assert miroto["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert miroto["properties"]["puskesmas"] == "Puskesmas Miroto"
    assert miroto["properties"]["url"] == reverse("regions:kelurahan", args=["33.74.01.1001"])


def test_map_data_is_compressed(staf_client, semarang):
    response = staf_client.get(reverse("regions:map_data"), headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"


def test_kelurahan_page(staf_client, populated, django_assert_num_queries):
    with django_assert_num_queries(7):
        response = staf_client.get(reverse("regions:kelurahan", args=["33.74.14.1006"]))
    body = response.content.decode()
    assert "Kelurahan Tambangan" in body
    assert "Puskesmas Mijen" in body
    assert "Balita" in body
    assert "DEMO" in body
    assert len(response.context["population"].years) == 3


def test_kelurahan_without_targets_says_so(staf_client, semarang):
    body = staf_client.get(reverse("regions:kelurahan", args=["33.74.01.1001"])).content.decode()
    assert "Belum ada data sasaran" in body


@pytest.mark.parametrize("code", ["3374010001", "33.74.99.9999", "../etc"])
def test_unknown_kelurahan_is_404(staf_client, semarang, code):
    assert staf_client.get(f"/wilayah/kelurahan/{code}/").status_code == 404


def test_puskesmas_page_shows_its_working_area(staf_client, populated, django_assert_num_queries):
    with django_assert_num_queries(8):
        response = staf_client.get(reverse("regions:puskesmas", args=["puskesmas-mijen"]))
    names = {k.name for k in response.context["area"]}
    assert "Tambangan" in names
    assert all(k.kecamatan.name == "Mijen" for k in response.context["area"])


def test_population_totals_add_up_the_working_area(staf_client, populated):
    response = staf_client.get(reverse("regions:puskesmas", args=["puskesmas-mijen"]))
    area = response.context["area"]
    year = response.context["population"].years[0]
    expected = sum(
        Population.objects.filter(kelurahan__in=area, year=year, group="penduduk").values_list("value", flat=True)
    )
    rows = dict(response.context["population"].rows)
    assert rows["Jumlah penduduk"][0] == expected


def test_city_home_for_dinkes(staf_client, populated, django_assert_num_queries):
    with django_assert_num_queries(11):
        response = staf_client.get(reverse("home"))
    city = response.context["city"]
    assert len(city.kecamatan) == 16
    assert city.kelurahan_total == 177
    assert city.puskesmas_total == 39
    assert city.penduduk_total == sum(
        Population.objects.filter(year=response.context["year"], group="penduduk").values_list("value", flat=True)
    )
    assert "177 kelurahan masih memiliki wilayah kerja sementara" in response.content.decode()


def test_city_home_without_targets_shows_a_dash_not_zero(staf_client, semarang):
    response = staf_client.get(reverse("home"))
    assert response.context["city"].penduduk_total is None


def test_head_home_is_her_puskesmas(client, personas, populated):
    client.force_login(personas["head_a"])
    response = client.get(reverse("home"))
    assert len(response.context["months"]) == 3
    assert "/laporan/puskesmas-miroto/" in response.content.decode()
    assert response.context["puskesmas"].code == "puskesmas-miroto"
    assert {k.code for k in response.context["area"]} == set(
        Kelurahan.objects.filter(service_areas__puskesmas__code="puskesmas-miroto").values_list("code", flat=True)
    )


def test_user_without_role_is_told_what_to_do(client, personas):
    client.force_login(personas["no_role"])
    assert "belum memiliki peran" in client.get(reverse("home")).content.decode()


def test_navbar_links_every_section(staf_client, semarang):
    body = staf_client.get(reverse("riskmap:method")).content.decode()
    for url in ("/laporan/", "/riskmap/", "/program/", "/blokosuto/", "/wilayah/", "/admin/"):
        assert f'href="{url}"' in body
    assert 'href="/riskmap/" aria-current="page"' in body


def test_english_switch(staf_client, semarang):
    response = staf_client.post(reverse("set_language"), {"language": "en", "next": "/wilayah/"})
    assert response.status_code == 302
    assert "Regions of Kota Semarang" in staf_client.get(reverse("regions:index")).content.decode()


def test_indonesian_even_when_the_browser_asks_for_english(client, semarang):
    response = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"})
    assert "Masuk ke healthportal" in response.content.decode()


def test_years_are_not_written_with_a_thousands_separator(staf_client, populated):
    body = staf_client.get(reverse("regions:index")).content.decode()
    year = Population.objects.latest("year").year
    assert f"Penduduk {year}" in body
    assert f"{year:,}".replace(",", ".") not in body
