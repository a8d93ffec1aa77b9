"""Read functions of the dashboards: the completeness board and the indicator tables (the SPM
scorecard and the program pages' table by puskesmas). The figures come from reports/analytics.py."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import tablib
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from programs.models import Indicator
from regions.models import Kecamatan, Puskesmas
from reports.analytics import (
    CITY,
    NO_DENOMINATOR,
    SMALL_COUNT,
    SMALL_DENOMINATOR,
    UNREPORTED,
    Formula,
    IndicatorValue,
    Level,
    band,
    counted_statuses,
    indicator_values_by_level,
    is_hidden_count,
    shown,
)
from reports.models import MonthlyReport
from reports.queries import months_before

Status = MonthlyReport.Status
NOT_STARTED = "none"  # no report exists for a month that has ended
FUTURE = "future"  # no report exists and the month has not ended yet


@dataclass(frozen=True)
class Cell:
    """One indicator value as a page shows it: formatted in the active language, coloured by its band."""

    indicator: Indicator
    result: IndicatorValue
    target: float | None  # the target to date
    hidden: bool  # a small sensitive count this user sees as "<5"

    @cached_property
    def band(self) -> str | None:
        return band(self.indicator, self.result.value, self.target)

    @property
    def prorated(self) -> bool:
        """The target to date is a share of the yearly one (a year-to-date coverage)."""
        return self.target is not None and self.target != float(self.indicator.target)

    @cached_property
    def is_rate(self) -> bool:
        return bool(self.indicator.denominator)

    @cached_property
    def text(self) -> str:
        """ "87,3%", "12", "<5"; "" when not computable (see `reason`)."""
        value = self.result.value
        if self.hidden:
            return f"<{SMALL_COUNT}"
        if value is None:
            return ""
        if self.is_rate:
            return number_format(shown(value), 1, force_grouping=True) + self.indicator.unit
        return number_format(shown(value, 0), 0, force_grouping=True)

    @cached_property
    def parts(self) -> str:
        """ "1.234/1.415": people served / target, when a rate is shown."""
        if self.hidden or not self.is_rate or self.result.value is None:
            return ""
        numerator, denominator = self.result.numerator, self.result.denominator
        return (
            f"{number_format(numerator, 0, force_grouping=True)}/{number_format(denominator, 0, force_grouping=True)}"
        )

    @cached_property
    def reason(self) -> str:
        """Why no value is shown: not reported, no target population, or too few to compute."""
        if self.text:
            return ""
        if self.result.reason == SMALL_DENOMINATOR:
            return _("target < %(minimum)s") % {"minimum": self.indicator.min_denominator}
        if self.result.reason == NO_DENOMINATOR:
            return _("no target")
        return _("not reported")


@dataclass(frozen=True)
class TableRow:
    puskesmas: Puskesmas | None  # None: the city
    cells: list[Cell]


@dataclass(frozen=True)
class IndicatorTable:
    period: datetime.date
    city: TableRow
    rows: list[TableRow]  # the active puskesmas, by kecamatan
    reports_counted: int  # reports of the month that count (submitted and approved, or approved only)

    @property
    def all_rows(self) -> list[TableRow]:
        return [self.city, *self.rows]

    @property
    def targets(self) -> list[float | None]:
        return [cell.target for cell in self.city.cells]


def indicator_table(
    *,
    indicators: Sequence[Indicator],
    period: datetime.date,
    approved_only: bool,
    sees_small_counts: Callable[[Puskesmas | None], bool],
) -> IndicatorTable:
    """The city and every active puskesmas against each indicator's target to date (seven queries).
    `sees_small_counts(puskesmas)`: whether this user sees that row's small sensitive counts."""
    formulas = [Formula.of(indicator) for indicator in indicators]
    levels = [Level.CITY, Level.PUSKESMAS]
    values = indicator_values_by_level(indicators=indicators, period=period, levels=levels, approved_only=approved_only)

    def row(puskesmas: Puskesmas | None, results: dict, unit: int) -> TableRow:
        exact = sees_small_counts(puskesmas)
        cells = []
        for f in formulas:
            result = results.get((unit, f.indicator.code), UNREPORTED)
            hidden = not exact and is_hidden_count(f.indicator, result)
            cells.append(Cell(f.indicator, result, f.target_on(period), hidden))
        return TableRow(puskesmas, cells)

    puskesmas = list(Puskesmas.objects.active().select_related("kecamatan").order_by("kecamatan__code", "name"))
    counted = MonthlyReport.objects.filter(
        period=period, status__in=counted_statuses(approved_only=approved_only), puskesmas__is_active=True
    ).count()
    return IndicatorTable(
        period,
        row(None, values[Level.CITY], CITY),
        [row(p, values[Level.PUSKESMAS], p.pk) for p in puskesmas],
        counted,
    )


def latest_period(*, approved_only: bool, today: datetime.date) -> datetime.date:
    """The latest month with a counted report (never a future one); last month when there is none."""
    latest = MonthlyReport.objects.filter(
        status__in=counted_statuses(approved_only=approved_only), period__lte=today
    ).aggregate(latest=Max("period"))["latest"]
    return latest or months_before(today.replace(day=1), 1)


@dataclass(frozen=True)
class BoardCell:
    period: datetime.date
    status: str  # a MonthlyReport status, NOT_STARTED or FUTURE
    submitted_at: datetime.datetime | None
    late: bool  # submitted after the due day, or not submitted once it passed
    url: str | None  # the report's entry page

    @property
    def counted(self) -> bool:
        """Reported: submitted or approved (a returned report is being corrected)."""
        return self.status in {Status.SUBMITTED, Status.APPROVED}

    @property
    def label(self) -> str:
        return str({NOT_STARTED: _("Not started"), FUTURE: "", **dict(Status.choices)}[self.status])

    @property
    def text(self) -> str:
        """The status in words, with "(late)" when it is: "Dikirim (terlambat)"."""
        return _("%(status)s (late)") % {"status": self.label} if self.late else self.label

    @cached_property
    def title(self) -> str:
        """The cell in words with its month and submission day: "Maret 2025: Dikirim (terlambat), 15 Apr 2025"."""
        title = f"{date_format(self.period, 'F Y')}: {self.text}"
        return f"{title}, {date_format(timezone.localtime(self.submitted_at), 'j M Y')}" if self.submitted_at else title

    @property
    def icon(self) -> str:
        icons = {Status.APPROVED: "bi-check-lg", Status.SUBMITTED: "bi-send", Status.RETURNED: "bi-arrow-return-left"}
        return icons.get(self.status, "bi-pencil" if self.status == Status.DRAFT else "bi-dash")


@dataclass(frozen=True)
class BoardRow:
    puskesmas: Puskesmas
    cells: list[BoardCell]
    expected: int  # months of the year that have ended

    @property
    def reported(self) -> int:
        return sum(cell.counted for cell in self.cells)

    @property
    def on_time(self) -> int:
        return sum(cell.counted and not cell.late for cell in self.cells)


@dataclass(frozen=True)
class MonthRate:
    period: datetime.date
    due: datetime.date
    expected: int  # active puskesmas (0 for a month not yet ended)
    reported: int
    on_time: int

    @property
    def rate(self) -> float | None:
        return self.reported / self.expected * 100 if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.expected * 100 if self.expected else None


@dataclass(frozen=True)
class Board:
    year: int
    rows: list[BoardRow]
    rates: list[MonthRate]
    kecamatan: list[Kecamatan]  # those with an active puskesmas, for the filter
    scope: Kecamatan | None  # the rates are this kecamatan's; None: the city's
    expected: int  # reports expected a month: the active puskesmas of the scope

    @property
    def months(self) -> list[datetime.date]:
        return [rate.period for rate in self.rates]


def completeness_board(*, year: int, kecamatan_code: str, only: Puskesmas | None, today: datetime.date) -> Board:
    """Active puskesmas x the twelve months of `year`: each report's status and timeliness, and per
    month the reporting rate (reports submitted or approved / active puskesmas) and the on-time rate,
    of the kecamatan chosen or of the city. `only`: a Kepala Puskesmas's own row, with the city's
    rates. Timeliness is that of the latest submission (a report returned and sent again late is late).
    Two queries."""
    active = list(Puskesmas.objects.active().select_related("kecamatan").order_by("kecamatan__code", "name"))
    kecamatan = list({p.kecamatan_id: p.kecamatan for p in active}.values())
    scope = None if only else next((k for k in kecamatan if k.code == kecamatan_code), None)
    in_scope = [p for p in active if scope is None or p.kecamatan_id == scope.pk]
    shown = [p for p in in_scope if only is None or p.pk == only.pk]
    reports = {
        (r.puskesmas_id, r.period): r
        for r in MonthlyReport.objects.filter(period__year=year, puskesmas__is_active=True).only(
            "puskesmas_id", "period", "status", "submitted_at"
        )
    }
    months = [datetime.date(year, month, 1) for month in range(1, 13)]
    ended = [month for month in months if month < today.replace(day=1)]
    dues = {month: MonthlyReport(period=month).due_date for month in months}
    entry_url = _entry_url_pattern()
    cells = {
        (p.pk, month): _board_cell(p, month, reports.get((p.pk, month)), dues[month], today, entry_url)
        for p in in_scope
        for month in months
    }
    rates = []
    for month in months:
        column = [cells[p.pk, month] for p in in_scope]
        rates.append(
            MonthRate(
                month,
                dues[month],
                len(in_scope) if month in ended else 0,
                sum(c.counted for c in column),
                sum(c.counted and not c.late for c in column),
            )
        )
    rows = [BoardRow(p, [cells[p.pk, month] for month in months], len(ended)) for p in shown]
    return Board(year, rows, rates, kecamatan, scope, len(in_scope))


def _board_cell(
    puskesmas: Puskesmas,
    month: datetime.date,
    report: MonthlyReport | None,
    due: datetime.date,
    today: datetime.date,
    entry_url: str | None,
) -> BoardCell:
    if month > today:
        return BoardCell(month, FUTURE, None, False, None)
    url = entry_url.replace("__code__", puskesmas.code).replace("0000-00", f"{month:%Y-%m}") if entry_url else None
    if report is None:
        ended = month < today.replace(day=1)
        return BoardCell(month, NOT_STARTED if ended else FUTURE, None, today > due, url)
    late = report.is_late if report.submitted_at else today > due
    return BoardCell(month, report.status, report.submitted_at, late, url)


def _entry_url_pattern() -> str | None:
    try:
        return reverse("reports:entry", args=["__code__", "0000-00"])
    except NoReverseMatch:
        return None


def board_dataset(board: Board) -> tablib.Dataset:
    """The board as a spreadsheet: one row per puskesmas, then the monthly rates in percent."""
    headers = [_("Kecamatan"), _("Puskesmas"), *(date_format(m, "M Y") for m in board.months)]
    dataset = tablib.Dataset(headers=[*headers, _("Reported"), _("On time")])
    for row in board.rows:
        statuses = [cell.text for cell in row.cells]
        dataset.append([row.puskesmas.kecamatan.name, row.puskesmas.name, *statuses, row.reported, row.on_time])
    dataset.append(["", _("Reporting rate (%)"), *(_one_decimal(r.rate) for r in board.rates), "", ""])
    dataset.append(["", _("On-time rate (%)"), *(_one_decimal(r.on_time_rate) for r in board.rates), "", ""])
    return dataset


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
