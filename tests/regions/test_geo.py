"""The provisional placement of puskesmas and working areas, without a database."""

import pytest

from regions.geo import KelurahanSite, PuskesmasSite, distance_km, nearest_puskesmas, place_puskesmas

KEC = "33.74.99"
KELURAHAN = [
    KelurahanSite("33.74.99.1001", "Alpha", KEC, (-7.000, 110.400)),
    KelurahanSite("33.74.99.1002", "Beta", KEC, (-7.000, 110.410)),
    KelurahanSite("33.74.99.1003", "Gamma", KEC, (-7.000, 110.450)),
    KelurahanSite("33.74.99.1004", "Delta", KEC, (-7.000, 110.500)),
]


def site(code, name, address=None, active=True):
    return PuskesmasSite(code, name, KEC, address, active)


def test_distance_of_one_hundredth_degree_of_longitude_at_semarang():
    assert distance_km((-7.0, 110.40), (-7.0, 110.41)) == pytest.approx(1.104, abs=0.002)


def test_address_wins_when_not_shared():
    placed = place_puskesmas([site("a", "Puskesmas Beta", "33.74.99.1001")], KELURAHAN)
    assert placed["a"].kelurahan_code == "33.74.99.1001"
    assert placed["a"].basis == "address"


def test_shared_address_gives_way_to_a_kelurahan_of_the_same_name():
    placed = place_puskesmas(
        [site("a", "Puskesmas Alpha", "33.74.99.1001"), site("b", "Puskesmas Beta", "33.74.99.1001")], KELURAHAN
    )
    assert placed["a"].kelurahan_code == "33.74.99.1001"
    assert placed["b"].kelurahan_code == "33.74.99.1002"
    assert placed["b"].basis == "name"


def test_unknown_address_goes_to_the_kelurahan_farthest_from_the_others():
    placed = place_puskesmas([site("a", "Puskesmas Alpha", "33.74.99.1001"), site("x", "Puskesmas X")], KELURAHAN)
    assert placed["x"].kelurahan_code == "33.74.99.1004"
    assert placed["x"].basis == "farthest"


def test_each_kelurahan_goes_to_the_nearest_active_puskesmas():
    puskesmas = [site("a", "A"), site("d", "D"), site("closed", "Closed", active=False)]
    positions = {"a": (-7.0, 110.40), "d": (-7.0, 110.50), "closed": (-7.0, 110.45)}
    assert nearest_puskesmas(KELURAHAN, puskesmas, positions) == {
        "33.74.99.1001": "a",
        "33.74.99.1002": "a",
        "33.74.99.1003": "a",
        "33.74.99.1004": "d",
    }


def test_ties_do_not_depend_on_input_order():
    positions = {"a": (-7.0, 110.44), "b": (-7.0, 110.46)}
    one = nearest_puskesmas(KELURAHAN, [site("a", "A"), site("b", "B")], positions)
    other = nearest_puskesmas(KELURAHAN, [site("b", "B"), site("a", "A")], positions)
    assert one == other
    assert one["33.74.99.1003"] == "a"


def test_kecamatan_without_active_puskesmas_is_left_out():
    assert nearest_puskesmas(KELURAHAN, [site("closed", "Closed", active=False)], {"closed": (-7, 110.4)}) == {}
