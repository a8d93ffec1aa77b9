"""Indicator values: the arithmetic without a database, then windows, blanks and levels on real reports."""

import datetime
from decimal import Decimal

import pytest

from programs.models import DataElement, Indicator
from regions.models import Kelurahan, Population, Puskesmas
from reports import analytics
from reports.analytics import CITY, FAIR, GOOD, NO_DENOMINATOR, NOT_REPORTED, POOR, SMALL_DENOMINATOR, Formula, Level
from reports.models import DataValue, MonthlyReport

D = datetime.date
# Two puskesmas of two kelurahan each in the loaded working areas.
HALMAHERA = ("puskesmas-halmahera", ["33.74.03.1009", "33.74.03.1010"])
CANDILAMA = ("puskesmas-candilama", ["33.74.08.1004", "33.74.08.1005"])


def indicator(numerator="A", denominator="B", **fields) -> Indicator:
    """An unsaved indicator: the arithmetic needs no database."""
    defaults = {"code": "X", "factor": 100, "window": "MONTH", "min_denominator": 1, "higher_is_better": True}
    return Indicator(numerator=numerator, denominator=denominator, **{**defaults, **fields})


# -- the arithmetic, without a database


def test_windows():
    assert analytics.window_start(D(2026, 3, 1), "MONTH") == D(2026, 3, 1)
    assert analytics.window_start(D(2026, 3, 1), "YTD") == D(2026, 1, 1)
    assert analytics.window_start(D(2026, 3, 1), "ROLLING_12") == D(2025, 4, 1)


def test_blank_is_not_zero_when_adding():
    assert analytics.add_reported([None, None]) is None
    assert analytics.add_reported([None, 0]) == 0
    assert analytics.add_reported([2, None, 3]) == 5


def test_sum_over_a_window_and_the_latest_value_in_it():
    series = {D(2025, 12, 1): 7, D(2026, 1, 1): 1, D(2026, 3, 1): 4}
    assert analytics.window_sum(series, D(2026, 1, 1), D(2026, 3, 1)) == 5
    assert analytics.window_sum(series, D(2026, 4, 1), D(2026, 4, 1)) is None
    months, values = sorted(series), [series[m] for m in sorted(series)]
    assert analytics.latest_in(months, values, D(2026, 1, 1), D(2026, 2, 1)) == 1  # February not reported
    assert analytics.latest_in(months, values, D(2026, 2, 1), D(2026, 2, 1)) is None


def test_rate_and_why_there_is_none():
    f = Formula.of(indicator(min_denominator=10))
    assert f.evaluate({"A": 9, "B": 12}).value == 75
    assert f.evaluate({"B": 12}).reason == NOT_REPORTED
    assert f.evaluate({"A": 0, "B": 12}).value == 0  # zero served is a value, not a blank
    assert f.evaluate({"A": 3}).reason == NOT_REPORTED  # the denominator is a reported number too
    assert f.evaluate({"A": 3, "B": 0}).reason == NO_DENOMINATOR
    small = f.evaluate({"A": 3, "B": 9})
    assert (small.numerator, small.denominator, small.value, small.reason) == (3, 9, None, SMALL_DENOMINATOR)


def test_missing_target_population_is_no_denominator():
    f = Formula.of(indicator(denominator="pop.bumil"))
    assert f.evaluate({"A": 5}).reason == NO_DENOMINATOR


def test_a_count_is_its_numerator():
    f = Formula.of(indicator(denominator="", factor=1))
    assert f.evaluate({"A": 3}).value == 3
    assert f.evaluate({}).value is None


def test_city_is_the_sum_of_its_parts_not_the_mean_of_rates():
    f = Formula.of(indicator())
    period = D(2026, 3, 1)
    columns = {(1, period): {"A": 9, "B": 10}, (2, period): {"A": 1, "B": 90}}
    values = analytics.combine([f], period, columns, {}, {period: {1, 2}}, lambda k: CITY)
    city = values[CITY, "X"]
    assert (city.numerator, city.denominator, city.value) == (10, 100, 10)  # the mean of 90 % and 1.1 % is 45.6 %


def test_an_unreported_kelurahan_is_left_out_of_both_sides():
    f = Formula.of(indicator(denominator="pop.bumil"))
    period = D(2026, 3, 1)
    columns = {(1, period): {"A": 30}}
    populations = {1: {"pop.bumil": 40}, 2: {"pop.bumil": 60}}
    values = analytics.combine([f], period, columns, populations, {period: {1}}, lambda k: CITY)
    assert values[CITY, "X"].value == 75  # not 30 %: kelurahan 2 sent nothing, it did not serve 0
    nothing = analytics.combine([f], period, {}, populations, {period: set()}, lambda k: CITY)
    assert nothing.get((CITY, "X"), analytics.UNREPORTED).reason == NOT_REPORTED


def test_a_counted_kelurahan_without_its_target_leaves_the_unit_without_one():
    f = Formula.of(indicator(denominator="pop.bumil"))
    period = D(2026, 3, 1)
    columns = {(1, period): {"A": 30}, (2, period): {"A": 10}}
    values = analytics.combine([f], period, columns, {1: {"pop.bumil": 40}}, {period: {1, 2}}, lambda k: CITY)
    assert values[CITY, "X"].reason == NO_DENOMINATOR  # not 40 / 40: kelurahan 2's mothers are unknown


def test_kelurahan_outside_every_unit_count_nowhere():
    f = Formula.of(indicator())
    period = D(2026, 3, 1)
    columns = {(1, period): {"A": 1, "B": 2}, (2, period): {"A": 5, "B": 5}}
    values = analytics.combine([f], period, columns, {}, {period: {1, 2}}, {1: 7}.get)
    assert set(values) == {(7, "X")}
    assert values[7, "X"].value == 50


def test_a_year_to_date_coverage_of_a_yearly_target_is_compared_with_its_share_to_date():
    march = D(2026, 3, 1)
    coverage = Formula.of(indicator(denominator="pop.bumil", window="YTD", target=Decimal(100)))
    assert coverage.target_on(march) == 25
    both_counted = Formula.of(indicator(window="YTD", target=Decimal(100)))
    assert both_counted.target_on(march) == 100
    monthly = Formula.of(indicator(denominator="pop.balita", target=Decimal(80)))
    assert monthly.target_on(march) == 80
    assert Formula.of(indicator()).target_on(march) is None


def test_bands():
    higher, lower = indicator(), indicator(higher_is_better=False)
    assert analytics.band(higher, 99.96, 100) == GOOD  # shown as 100.0
    assert analytics.band(higher, 80, 100) == FAIR
    assert analytics.band(higher, 79.9, 100) == POOR
    assert analytics.band(higher, None, 100) is None
    assert analytics.band(higher, 50, None) is None
    assert analytics.band(lower, 0, 0) == GOOD
    assert analytics.band(lower, 1, 0) == POOR
    assert analytics.band(lower, 11, 10) == FAIR


def test_values_are_rounded_half_up_as_shown():
    assert str(analytics.shown(71.25)) == "71.3"
    assert str(analytics.shown(2.5, 0)) == "3"
    assert str(analytics.shown(99.949)) == "99.9"


def test_small_sensitive_counts():
    deaths = indicator(denominator="", is_sensitive=True)
    assert analytics.is_hidden_count(deaths, analytics.IndicatorValue(3, None, 3))
    assert not analytics.is_hidden_count(deaths, analytics.IndicatorValue(0, None, 0))
    assert not analytics.is_hidden_count(deaths, analytics.IndicatorValue(5, None, 5))
    assert not analytics.is_hidden_count(indicator(denominator=""), analytics.IndicatorValue(3, None, 3))


def test_a_report_covers_the_working_area_of_its_month():
    areas = [(1, 10, D(2020, 1, 1), D(2026, 1, 31)), (1, 20, D(2026, 2, 1), None), (2, 10, D(2020, 1, 1), None)]
    present = analytics.reporting_kelurahan([(10, D(2026, 1, 1)), (10, D(2026, 2, 1))], areas)
    assert present == {D(2026, 1, 1): {1, 2}, D(2026, 2, 1): {2}}
    assert analytics.present_between(present, D(2026, 1, 1), D(2026, 3, 1)) == {1, 2}


# -- on reports in the database


def make_report(code: str, period: datetime.date, values: dict, status: str = "approved") -> MonthlyReport:
    """A report of puskesmas `code` with `values`: {kelurahan code: {data element code: value}}."""
    report = MonthlyReport.objects.create(puskesmas=Puskesmas.objects.get(code=code), period=period, status=status)
    element_ids = dict(DataElement.objects.values_list("code", "pk"))
    kelurahan_ids = dict(Kelurahan.objects.values_list("code", "pk"))
    DataValue.objects.bulk_create(
        DataValue(report=report, kelurahan_id=kelurahan_ids[k], data_element_id=element_ids[e], value=v)
        for k, column in values.items()
        for e, v in column.items()
    )
    return report


def set_targets(year: int, **by_kelurahan: dict) -> None:
    """set_targets(2025, **{"33.74.03.1009": {"bumil": 100}})"""
    kelurahan_ids = dict(Kelurahan.objects.values_list("code", "pk"))
    Population.objects.bulk_create(
        Population(kelurahan_id=kelurahan_ids[code], year=year, group=group, value=value, source="uji")
        for code, groups in by_kelurahan.items()
        for group, value in groups.items()
    )


def catalogue(*codes: str) -> list[Indicator]:
    return sorted(Indicator.objects.filter(code__in=codes), key=lambda i: codes.index(i.code))


@pytest.fixture
def two_puskesmas(semarang):
    for code, kelurahan in (HALMAHERA, CANDILAMA):
        served = set(Puskesmas.objects.get(code=code).service_areas.values_list("kelurahan__code", flat=True))
        assert served == set(kelurahan)
    set_targets(2025, **{k: {"bumil": 100, "balita": 400} for k in HALMAHERA[1]})
    set_targets(2025, **{k: {"bumil": 100, "balita": 100} for k in CANDILAMA[1]})


def test_windows_on_reports(two_puskesmas):
    k1, k2 = HALMAHERA[1]
    for month, (a, b) in {11: (9, 9), 1: (1, 2), 2: (3, 4), 3: (5, 6)}.items():
        make_report(
            HALMAHERA[0], D(2024 if month == 11 else 2025, month, 1), {k1: {"BUMIL_K6": a}, k2: {"BUMIL_K6": b}}
        )
    spm1 = catalogue("SPM_01_BUMIL")[0]
    march = D(2025, 3, 1)
    ytd = analytics.indicator_values(indicators=[spm1], period=march, level=Level.CITY, approved_only=True)
    assert (ytd[CITY, spm1.code].numerator, ytd[CITY, spm1.code].denominator) == (21, 200)
    spm1.window = "MONTH"
    month = analytics.indicator_values(indicators=[spm1], period=march, level=Level.CITY, approved_only=True)
    assert month[CITY, spm1.code].numerator == 11
    spm1.window = "ROLLING_12"
    rolling = analytics.indicator_values(indicators=[spm1], period=march, level=Level.CITY, approved_only=True)
    assert rolling[CITY, spm1.code].numerator == 39


def test_last_takes_the_latest_value_reported(two_puskesmas):
    k1, k2 = HALMAHERA[1]
    make_report(
        HALMAHERA[0],
        D(2025, 1, 1),
        {k1: {"KK_TOTAL": 100, "KK_JAMBAN_SEHAT": 80}, k2: {"KK_TOTAL": 50, "KK_JAMBAN_SEHAT": 50}},
    )
    make_report(HALMAHERA[0], D(2025, 2, 1), {k1: {"KK_TOTAL": 101, "KK_JAMBAN_SEHAT": 90}, k2: {"KK_TOTAL": None}})
    jamban = catalogue("JAMBAN_SEHAT")[0]
    jamban.window = "YTD"
    values = analytics.indicator_values(
        indicators=[jamban], period=D(2025, 2, 1), level=Level.PUSKESMAS, approved_only=True
    )
    halmahera = Puskesmas.objects.get(code=HALMAHERA[0])
    result = values[halmahera.pk, jamban.code]
    # Households are a stock: February's figure for k1, January's for k2 (blank in February), never added up.
    assert (result.numerator, result.denominator) == (90 + 50, 101 + 50)


def test_blank_and_zero_on_reports(two_puskesmas):
    k1, k2 = HALMAHERA[1]
    make_report(HALMAHERA[0], D(2025, 1, 1), {k1: {"BUMIL_K6": None}, k2: {"BUMIL_K6": 0}})
    spm1 = catalogue("SPM_01_BUMIL")[0]
    values = analytics.indicator_values(
        indicators=[spm1], period=D(2025, 1, 1), level=Level.KELURAHAN, approved_only=True
    )
    by_code = {k.code: k.pk for k in Kelurahan.objects.filter(code__in=[k1, k2])}
    blank, zero = values[by_code[k1], spm1.code], values[by_code[k2], spm1.code]
    assert (blank.value, blank.reason) == (None, NOT_REPORTED)
    assert (zero.value, zero.denominator) == (0, 100)


def test_minimum_denominator_on_reports(two_puskesmas):
    k1, _ = HALMAHERA[1]
    make_report(HALMAHERA[0], D(2025, 1, 1), {k1: {"BUMIL_RISTI": 4, "BUMIL_RISTI_DITANGANI": 4}})
    risti = catalogue("RISTI_DITANGANI")[0]
    assert risti.min_denominator == 5
    values = analytics.indicator_values(indicators=[risti], period=D(2025, 1, 1), level=Level.CITY, approved_only=True)
    assert values[CITY, risti.code].reason == SMALL_DENOMINATOR


def test_which_reports_count(two_puskesmas):
    (h, (h1, _)), (c, (c1, _)) = HALMAHERA, CANDILAMA
    make_report(h, D(2025, 1, 1), {h1: {"BUMIL_K6": 10}}, status="approved")
    make_report(c, D(2025, 1, 1), {c1: {"BUMIL_K6": 20}}, status="submitted")
    make_report("puskesmas-miroto", D(2025, 1, 1), {"33.74.01.1001": {"BUMIL_K6": 40}}, status="draft")
    make_report("puskesmas-poncol", D(2025, 1, 1), {"33.74.01.1007": {"BUMIL_K6": 80}}, status="returned")
    spm1 = catalogue("SPM_01_BUMIL")
    submitted = analytics.indicator_values(indicators=spm1, period=D(2025, 1, 1), level=Level.CITY, approved_only=False)
    approved = analytics.indicator_values(indicators=spm1, period=D(2025, 1, 1), level=Level.CITY, approved_only=True)
    assert submitted[CITY, "SPM_01_BUMIL"].numerator == 30
    assert approved[CITY, "SPM_01_BUMIL"].numerator == 10


def test_puskesmas_and_city(two_puskesmas):
    (h, (h1, h2)), (c, (c1, c2)) = HALMAHERA, CANDILAMA
    make_report(h, D(2025, 1, 1), {h1: {"BALITA_D": 390}, h2: {"BALITA_D": 330}})  # 720 / 800 = 90 %
    make_report(c, D(2025, 1, 1), {c1: {"BALITA_D": 100}, c2: {"BALITA_D": 100}})  # 200 / 200 = 100 %
    ds = catalogue("DS")
    by_level = analytics.indicator_values_by_level(
        indicators=ds, period=D(2025, 1, 1), levels=[Level.PUSKESMAS, Level.CITY], approved_only=True
    )
    ids = dict(Puskesmas.objects.filter(code__in=[h, c]).values_list("code", "pk"))
    assert by_level[Level.PUSKESMAS][ids[h], "DS"].value == 90
    assert by_level[Level.PUSKESMAS][ids[c], "DS"].value == 100
    assert by_level[Level.CITY][CITY, "DS"].value == 92  # 920 / 1000, not 95 (the mean of 90 and 100)
    assert (ids[c], "DS") in by_level[Level.PUSKESMAS]
    assert (Puskesmas.objects.get(code="puskesmas-miroto").pk, "DS") not in by_level[Level.PUSKESMAS]


def test_a_puskesmas_without_report_is_left_out_of_the_city(two_puskesmas):
    h, (h1, h2) = HALMAHERA
    make_report(h, D(2025, 1, 1), {h1: {"BALITA_D": 200}, h2: {"BALITA_D": 200}})
    values = analytics.indicator_values(
        indicators=catalogue("DS"), period=D(2025, 1, 1), level=Level.CITY, approved_only=True
    )
    assert values[CITY, "DS"].denominator == 800  # Candilama's 800 balita are not counted as unserved
    assert values[CITY, "DS"].value == 50


def test_a_constant_number_of_queries(two_puskesmas, django_assert_num_queries):
    h, (h1, _) = HALMAHERA
    make_report(h, D(2025, 1, 1), {h1: {"BALITA_D": 200}})
    for indicators in (catalogue("DS"), list(Indicator.objects.all())):
        for level in Level:
            with django_assert_num_queries(5):
                analytics.indicator_values(
                    indicators=indicators, period=D(2025, 3, 1), level=level, approved_only=False
                )
        with django_assert_num_queries(5):
            analytics.city_trend(indicators=indicators, end=D(2025, 3, 1), months=24, approved_only=False)


def test_the_trend_agrees_with_the_values_and_starts_again_in_january(two_puskesmas):
    set_targets(2024, **{k: {"bumil": 100} for k in HALMAHERA[1]})
    h, (h1, h2) = HALMAHERA
    for period in (D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1)):
        make_report(h, period, {h1: {"BUMIL_K6": 10}, h2: {"BUMIL_K6": 5}})
    indicators = catalogue("SPM_01_BUMIL", "JAMBAN_SEHAT")
    trend = analytics.city_trend(indicators=indicators, end=D(2025, 3, 1), months=5, approved_only=True)
    assert trend.months == [D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    assert [v.value for v in trend.values["SPM_01_BUMIL"]] == [7.5, 15, 7.5, 15, 15]
    assert [round(t, 1) for t in trend.targets["SPM_01_BUMIL"]] == [91.7, 100, 8.3, 16.7, 25]
    assert trend.values["JAMBAN_SEHAT"][0].reason == NOT_REPORTED
    for period, point in zip(trend.months, trend.values["SPM_01_BUMIL"], strict=True):
        values = analytics.indicator_values(indicators=indicators, period=period, level=Level.CITY, approved_only=True)
        assert values.get((CITY, "SPM_01_BUMIL"), analytics.UNREPORTED) == point
