"""Indicator values computed from the monthly reports, per kelurahan, per puskesmas and for the city.

One rule everywhere (pages, exports, the risk map):

1. The window of a month: MONTH is the month itself, YTD January to the month, ROLLING_12 the
   twelve months ending with it.
2. Each data element is aggregated per kelurahan over the window by its aggregation: SUM adds the
   months reported, LAST takes the latest value reported (stocks: households, JKN members). A
   kelurahan that reported none of the window's months has no value (None), never 0.
3. For a puskesmas or the city the kelurahan's aggregated values and target populations (of the
   month's year) are added up first; only then are the numerator and denominator evaluated and
   `Indicator.rate()` applied. A rate is sum(numerator) / sum(denominator), never a mean of rates.
4. Only kelurahan counted in the window take part, on both sides: those whose puskesmas has a
   counted report in one of its months. A missing report is left out rather than read as zero,
   so the city's coverage is that of the kelurahan reported (the completeness board says how many).
5. Submitted and approved reports count; with `approved_only`, approved ones alone. Drafts and
   returned reports (being corrected) never count.

A puskesmas is the kelurahan of its working area on the first day of the month: figures follow the
kelurahan, so a kelurahan that changed puskesmas brings its whole window along.
The arithmetic (`Formula`, `combine`, `reporting_kelurahan`, `window_sum`, `band`) touches no database.
"""

from __future__ import annotations

import bisect
import datetime
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Case, F, Q, Sum, When

from programs.expressions import Expression
from programs.models import DataElement, Indicator
from regions.models import Population, ServiceArea
from reports.models import DataValue, MonthlyReport
from reports.queries import months_before

Status = MonthlyReport.Status
Window = Indicator.Window
LAST = DataElement.Aggregation.LAST

CITY = 0  # the unit id of city-wide values (kelurahan and puskesmas ids start at 1)
NOT_REPORTED = "not_reported"  # the numerator (or a reported denominator) has no data
NO_DENOMINATOR = "no_denominator"  # the target population is missing or zero
SMALL_DENOMINATOR = "small_denominator"  # below the indicator's minimum denominator
GOOD, FAIR, POOR = "good", "fair", "poor"
FAIR_FROM = 0.8  # a value at 80 % of its target or more is "fair", below it "poor"
SMALL_COUNT = 5  # sensitive counts below it are shown as "<5" to those who may not see them


class Level(enum.StrEnum):
    KELURAHAN = "kelurahan"
    PUSKESMAS = "puskesmas"
    CITY = "city"


@dataclass(frozen=True)
class IndicatorValue:
    numerator: float | None
    denominator: float | None
    value: float | None
    reason: str | None = None  # why `value` is None: NOT_REPORTED, NO_DENOMINATOR or SMALL_DENOMINATOR


UNREPORTED = IndicatorValue(None, None, None, NOT_REPORTED)


def counted_statuses(*, approved_only: bool) -> list[str]:
    return [Status.APPROVED] if approved_only else [Status.SUBMITTED, Status.APPROVED]


def window_start(period: datetime.date, window: str) -> datetime.date:
    if window == Window.YTD:
        return period.replace(month=1)
    if window == Window.ROLLING_12:
        return months_before(period, 11)
    return period


def add_reported(values: Iterable[float | None]) -> float | None:
    """The sum of the values reported; None when none was (not reported is not zero)."""
    total = None
    for value in values:
        if value is not None:
            total = value if total is None else total + value
    return total


def window_sum(series: Mapping[datetime.date, float], start: datetime.date, end: datetime.date) -> float | None:
    """A SUM data element over the months start..end of a monthly series (unreported months absent)."""
    return add_reported(value for month, value in series.items() if start <= month <= end)


def latest_in(months: Sequence[datetime.date], values: Sequence[float], start: datetime.date, end: datetime.date):
    """A LAST data element: the value of the latest month in start..end of a sorted series, or None."""
    index = bisect.bisect_right(months, end) - 1
    return values[index] if index >= 0 and months[index] >= start else None


@dataclass(frozen=True)
class Formula:
    """An indicator with its parsed formulas, evaluated on values already aggregated for one unit."""

    indicator: Indicator
    numerator: Expression
    denominator: Expression | None

    @classmethod
    def of(cls, indicator: Indicator) -> Formula:
        return cls(indicator, *indicator.formulas())

    @property
    def codes(self) -> frozenset[str]:
        return self.numerator.codes | (self.denominator.codes if self.denominator else frozenset())

    @property
    def populations(self) -> frozenset[str]:
        return self.numerator.populations | (self.denominator.populations if self.denominator else frozenset())

    def start(self, period: datetime.date) -> datetime.date:
        return window_start(period, self.indicator.window)

    def target_on(self, period: datetime.date) -> float | None:
        """The target to reach by the end of `period`. A year-to-date coverage of a yearly target
        population grows through the year, so its target is pro-rated: 100 % by December, 25 % by March."""
        if self.indicator.target is None:
            return None
        target = float(self.indicator.target)
        yearly_population = self.denominator is not None and self.denominator.populations
        if self.indicator.window == Window.YTD and yearly_population and self.indicator.higher_is_better:
            return target * period.month / 12
        return target

    def evaluate(self, values: Mapping[str, float | None]) -> IndicatorValue:
        """`values`: data element codes and `pop.<group>` of one unit; a missing name is not reported."""
        numerator = self.numerator.evaluate(values)
        denominator = self.denominator.evaluate(values) if self.denominator else None
        value = self.indicator.rate(numerator, denominator)
        if value is not None:
            return IndicatorValue(numerator, denominator, value)
        if numerator is None or (
            denominator is None and any(values.get(code) is None for code in self.denominator.codes)
        ):
            reason = NOT_REPORTED
        elif not denominator:
            reason = NO_DENOMINATOR
        else:
            reason = SMALL_DENOMINATOR
        return IndicatorValue(numerator, denominator, None, reason)


def shown(value: float, places: int = 1) -> Decimal:
    """A value rounded as pages show it: half up (71.25 -> 71.3), never to the even neighbour."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def band(indicator: Indicator, value: float | None, target: float | None) -> str | None:
    """GOOD when the target is met, FAIR within 80 % of it, POOR beyond; None with no value or target.
    Compared at the one decimal shown, so a displayed 100.0 % never looks short of 100 %."""
    if value is None or target is None:
        return None
    value, target = float(shown(value)), float(shown(target))
    if indicator.higher_is_better:
        if value >= target:
            return GOOD
        return FAIR if value >= target * FAIR_FROM else POOR
    if value <= target:
        return GOOD
    return FAIR if target > 0 and value <= target / FAIR_FROM else POOR


def is_hidden_count(indicator: Indicator, result: IndicatorValue) -> bool:
    """A sensitive count of 1 to 4 (deaths, TB): shown as "<5" to those not allowed to see it."""
    return indicator.is_sensitive and result.numerator is not None and 0 < result.numerator < SMALL_COUNT


Column = Mapping[str, float | None]
Area = tuple[int, int, datetime.date, datetime.date | None]  # kelurahan, puskesmas, valid from, valid to


def reporting_kelurahan(
    reports: Iterable[tuple[int, datetime.date]], areas: Iterable[Area]
) -> dict[datetime.date, set[int]]:
    """Month -> the kelurahan whose puskesmas has a counted report of that month (`reports`:
    puskesmas id, month); a report covers the working area in force on the first day of its month."""
    served: dict[int, list[Area]] = defaultdict(list)
    for area in areas:
        served[area[1]].append(area)
    present: dict[datetime.date, set[int]] = defaultdict(set)
    for puskesmas, month in reports:
        present[month].update(k for k, _, since, until in served[puskesmas] if since <= month <= (until or month))
    return present


def present_between(by_month: Mapping[datetime.date, set[int]], start: datetime.date, end: datetime.date) -> set[int]:
    """The kelurahan counted in at least one month of start..end."""
    return set().union(*(kelurahan for month, kelurahan in by_month.items() if start <= month <= end))


def combine(
    formulas: Sequence[Formula],
    period: datetime.date,
    columns: Mapping[tuple[int, datetime.date], Column],
    populations: Mapping[int, Column],
    present: Mapping[datetime.date, Iterable[int]],
    unit_of: Callable[[int], int | None],
) -> dict[tuple[int, str], IndicatorValue]:
    """Adds the counted kelurahan's values and targets up per unit, then evaluates each formula.

    `columns`: (kelurahan id, window start) -> data element code -> value over the window up to
    `period`; `populations`: kelurahan id -> `pop.<group>` -> target; `present`: window start -> the
    kelurahan counted in that window; `unit_of`: kelurahan id -> unit id (None: outside every unit).
    A unit where a counted kelurahan has no target for a group has no target for it at all (the
    rate would otherwise count that kelurahan's people served but not its people to serve).
    """
    groups = set().union(*(f.populations for f in formulas))
    totals: dict[tuple[int | None, datetime.date], dict[str, float | None]] = defaultdict(dict)
    for (kelurahan, start), column in columns.items():
        _add_into(totals[unit_of(kelurahan), start], column)
    for start, kelurahan_ids in present.items():
        for kelurahan in kelurahan_ids:
            _add_targets(totals[unit_of(kelurahan), start], populations.get(kelurahan, {}), groups)
    units = {unit for unit, _ in totals if unit is not None}
    return {
        (unit, f.indicator.code): f.evaluate(totals.get((unit, f.start(period)), {}))
        for unit in units
        for f in formulas
    }


def _add_into(into: dict[str, float | None], column: Column) -> None:
    for name, value in column.items():
        if value is not None:
            into[name] = into.get(name, 0) + value


def _add_targets(into: dict[str, float | None], targets: Column, groups: Iterable[str]) -> None:
    """Adds a kelurahan's targets; a group it lacks makes the total unknown (None) for good."""
    for group in groups:
        name = f"pop.{group}"
        value, total = targets.get(name), into.get(name, 0)
        into[name] = None if value is None or total is None else total + value


def indicator_values(
    *, indicators: Sequence[Indicator], period: datetime.date, level: Level, approved_only: bool
) -> dict[tuple[int, str], IndicatorValue]:
    """(unit id, indicator code) -> value of `period` for every kelurahan, every puskesmas, or the city
    (unit id CITY). A unit with no counted report in the window is absent: read with
    `.get(key, UNREPORTED)`. Five queries, whatever the number of units and indicators."""
    values = indicator_values_by_level(
        indicators=indicators, period=period, levels=[level], approved_only=approved_only
    )
    return values[level]


def indicator_values_by_level(
    *, indicators: Sequence[Indicator], period: datetime.date, levels: Sequence[Level], approved_only: bool
) -> dict[Level, dict[tuple[int, str], IndicatorValue]]:
    """`indicator_values` for several levels from the same five queries."""
    formulas = [Formula.of(indicator) for indicator in indicators]
    inputs = _Inputs.load(formulas, period, approved_only)
    return {level: inputs.combine(formulas, level) for level in levels}


@dataclass(frozen=True)
class _Inputs:
    """What `combine` needs for one month, read in five queries."""

    period: datetime.date
    columns: dict[tuple[int, datetime.date], dict[str, float]]
    populations: dict[int, dict[str, float]]
    present: dict[datetime.date, set[int]]
    areas: list[Area]

    @classmethod
    def load(cls, formulas: Sequence[Formula], period: datetime.date, approved_only: bool) -> _Inputs:
        starts = sorted({f.start(period) for f in formulas}) or [period]
        areas, by_month = _reporting(starts[0], period, approved_only)
        present = {start: present_between(by_month, start, period) for start in starts}
        columns = _window_values(formulas, starts, period, approved_only)
        return cls(period, columns, _populations(formulas, {period.year})[period.year], present, areas)

    def combine(self, formulas: Sequence[Formula], level: Level) -> dict[tuple[int, str], IndicatorValue]:
        if level == Level.KELURAHAN:
            unit_of = lambda kelurahan: kelurahan  # noqa: E731
        elif level == Level.CITY:
            unit_of = lambda kelurahan: CITY  # noqa: E731
        else:
            unit_of = {k: p for k, p, since, until in self.areas if since <= self.period <= (until or self.period)}.get
        return combine(formulas, self.period, self.columns, self.populations, self.present, unit_of)


def _reporting(first: datetime.date, last: datetime.date, approved_only: bool) -> tuple[list[Area], dict]:
    """The working areas, and month -> kelurahan counted, for the months first..last (two queries)."""
    reports = MonthlyReport.objects.filter(
        status__in=counted_statuses(approved_only=approved_only), period__range=(first, last)
    ).values_list("puskesmas_id", "period")
    areas = list(
        ServiceArea.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first), valid_from__lte=last).values_list(
            "kelurahan_id", "puskesmas_id", "valid_from", "valid_to"
        )
    )
    return areas, reporting_kelurahan(reports, areas)


def _populations(formulas: Sequence[Formula], years: set[int]) -> dict[int, dict[int, dict[str, float]]]:
    """Year -> kelurahan id -> `pop.<group>` -> target, for the groups the formulas use."""
    groups = set().union(*(f.populations for f in formulas))
    populations: dict[int, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    rows = Population.objects.filter(year__in=years, group__in=groups)
    for year, kelurahan, group, value in rows.values_list("year", "kelurahan_id", "group", "value"):
        populations[year][kelurahan][f"pop.{group}"] = value
    return populations


def _elements(formulas: Sequence[Formula]) -> dict[int, tuple[str, str]]:
    """Data element id -> (code, aggregation) of the elements the formulas use: the value queries
    then group by id, without joining the catalogue (a narrow key keeps PostgreSQL's sort in memory)."""
    rows = DataElement.objects.filter(code__in=set().union(*(f.codes for f in formulas)))
    return {pk: (code, aggregation) for pk, code, aggregation in rows.values_list("pk", "code", "aggregation")}


def _counted_values(approved_only: bool, first: datetime.date, last: datetime.date, elements: Iterable[int]):
    return DataValue.objects.filter(
        report__status__in=counted_statuses(approved_only=approved_only),
        report__period__range=(first, last),
        data_element_id__in=elements,
        value__isnull=False,
    )


def _window_values(formulas: Sequence[Formula], starts: list[datetime.date], period: datetime.date, approved_only):
    """(kelurahan id, window start) -> code -> value over start..period, in one grouped query:
    SUM elements summed in SQL, LAST elements as their values latest first."""
    elements = _elements(formulas)
    lasts = [pk for pk, (_, aggregation) in elements.items() if aggregation == LAST]
    annotations = {}
    for i, start in enumerate(starts):
        since = Q(report__period__gte=start)
        annotations[f"sum_{i}"] = Sum("value", filter=since)
        annotations[f"last_{i}"] = ArrayAgg(
            "value", filter=since & Q(data_element_id__in=lasts), order_by="-report__period"
        )
    rows = (
        _counted_values(approved_only, starts[0], period, elements)
        .values("kelurahan_id", "data_element_id")
        .annotate(**annotations)
        .order_by()
    )
    columns: dict[tuple[int, datetime.date], dict[str, float]] = defaultdict(dict)
    for row in rows:
        code, aggregation = elements[row["data_element_id"]]
        for i, start in enumerate(starts):
            value = (row[f"last_{i}"] or [None])[0] if aggregation == LAST else row[f"sum_{i}"]
            if value is not None:
                columns[row["kelurahan_id"], start][code] = value
    return columns


@dataclass(frozen=True)
class Trend:
    """The city's value of each indicator at the end of each month, each over its own window."""

    months: list[datetime.date]
    values: dict[str, list[IndicatorValue]]  # by indicator code, one per month
    targets: dict[str, list[float | None]]  # the target to date of each month


def city_trend(*, indicators: Sequence[Indicator], end: datetime.date, months: int, approved_only: bool) -> Trend:
    """The last `months` months up to `end`, by the same rules as `indicator_values` (a YTD coverage
    climbs through each year, and so does its target). Five queries."""
    formulas = [Formula.of(indicator) for indicator in indicators]
    periods = [months_before(end, count) for count in range(months - 1, -1, -1)]
    first = min((f.start(periods[0]) for f in formulas), default=periods[0])
    _, by_month = _reporting(first, end, approved_only)
    sums, lasts = _monthly_city_series(formulas, first, end, approved_only)
    populations = _populations(formulas, {period.year for period in periods})
    groups = set().union(*(f.populations for f in formulas))
    columns: dict[tuple[datetime.date, datetime.date], dict[str, float | None]] = {}
    trend = Trend(periods, {f.indicator.code: [] for f in formulas}, {f.indicator.code: [] for f in formulas})
    for period in periods:
        for f in formulas:
            start = f.start(period)
            if (start, period) not in columns:
                column = {code: window_sum(series, start, period) for code, series in sums.items()}
                for code, places in lasts.items():
                    column[code] = add_reported(latest_in(*series, start, period) for series in places)
                targets: dict[str, float | None] = {}
                for kelurahan in present_between(by_month, start, period):
                    _add_targets(targets, populations[period.year].get(kelurahan, {}), groups)
                columns[start, period] = {**column, **targets}
            trend.values[f.indicator.code].append(f.evaluate(columns[start, period]))
            trend.targets[f.indicator.code].append(f.target_on(period))
    return trend


def _monthly_city_series(formulas: Sequence[Formula], first: datetime.date, end: datetime.date, approved_only: bool):
    """SUM elements: code -> month -> city total. LAST elements: code -> per kelurahan (months, values),
    since one kelurahan's latest value may come from another month than its neighbour's."""
    elements = _elements(formulas)
    lasts = [pk for pk, (_, aggregation) in elements.items() if aggregation == LAST]
    rows = (
        _counted_values(approved_only, first, end, elements)
        .values(
            "data_element_id",
            month=F("report__period"),
            place=Case(When(data_element_id__in=lasts, then="kelurahan_id")),
        )
        .annotate(total=Sum("value"))
        .order_by()
    )
    sums: dict[str, dict[datetime.date, float]] = defaultdict(dict)
    by_place: dict[str, dict[int, tuple[list, list]]] = defaultdict(lambda: defaultdict(lambda: ([], [])))
    for row in sorted(rows, key=lambda row: row["month"]):
        code = elements[row["data_element_id"]][0]
        if row["place"] is None:
            sums[code][row["month"]] = row["total"]
        else:
            months, values = by_place[code][row["place"]]
            months.append(row["month"])
            values.append(row["total"])
    return sums, {code: list(places.values()) for code, places in by_place.items()}
