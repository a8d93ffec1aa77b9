"""Read functions of the monthly report pages: the entry grid and the checks of one report."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from programs.expressions import parse
from programs.models import DataElement, Program
from regions.models import Kelurahan, Population, Puskesmas, ServiceArea
from reports import quality
from reports.models import DataValue, MonthlyReport, ValidationRule


def months_before(period: datetime.date, count: int) -> datetime.date:
    index = period.year * 12 + period.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def working_area(*, puskesmas: Puskesmas, period: datetime.date) -> list[Kelurahan]:
    """The kelurahan the puskesmas serves on the first day of the month."""
    in_force = ServiceArea.objects.on(period).filter(puskesmas=puskesmas).values("kelurahan")
    return list(Kelurahan.objects.filter(pk__in=in_force).defer("boundary").order_by("name"))


def active_elements() -> list[DataElement]:
    return list(DataElement.objects.active().select_related("program"))


@dataclass
class Cell:
    kelurahan: Kelurahan
    element: DataElement
    value: int | None = None
    comment: str = ""
    follow_up: bool = False
    findings: list[quality.Finding] = field(default_factory=list)

    @property
    def is_missing(self) -> bool:
        return self.value is None and self.element.is_required

    @property
    def has_error(self) -> bool:
        return any(f.is_error for f in self.findings)

    @property
    def needs_comment(self) -> bool:
        return any(not f.is_error for f in self.findings) and not self.comment.strip()


@dataclass
class Row:
    element: DataElement
    cells: list[Cell]

    @property
    def total(self) -> int | None:
        """Sum over the kelurahan; None (not reported) when no kelurahan reported it."""
        values = [c.value for c in self.cells if c.value is not None]
        return sum(values) if values else None


@dataclass
class Section:
    program: Program
    rows: list[Row]


@dataclass
class EntryGrid:
    puskesmas: Puskesmas
    period: datetime.date
    report: MonthlyReport | None
    kelurahan: list[Kelurahan]
    sections: list[Section]
    findings: list[quality.Finding]

    @property
    def cells(self) -> list[Cell]:
        return [cell for section in self.sections for row in section.rows for cell in row.cells]

    @property
    def missing(self) -> list[Cell]:
        return [c for c in self.cells if c.is_missing]

    @property
    def errors(self) -> list[quality.Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def uncommented_warnings(self) -> list[Cell]:
        return [c for c in self.cells if c.needs_comment]

    @property
    def can_submit(self) -> bool:
        return bool(self.kelurahan) and not (self.missing or self.errors or self.uncommented_warnings)


def entry_grid(*, puskesmas: Puskesmas, period: datetime.date, report: MonthlyReport | None) -> EntryGrid:
    """Rows of data elements grouped by program, columns of the working area's kelurahan, with
    the report's values and every check's findings placed on their cells. Seven queries at most."""
    kelurahan = working_area(puskesmas=puskesmas, period=period)
    elements = active_elements()
    stored = {}
    if report:
        stored = {(v.kelurahan_id, v.data_element_id): v for v in report.values.all()}
    cells: dict[tuple[int, int], Cell] = {}
    for element in elements:
        for k in kelurahan:
            value = stored.get((k.pk, element.pk))
            cells[k.pk, element.pk] = Cell(
                k,
                element,
                value.value if value else None,
                value.comment if value else "",
                bool(value and value.follow_up),
            )
    findings = report_findings(period=period, kelurahan=kelurahan, cells=cells.values()) if report else []
    by_place = {(k.code, e.code): cells[k.pk, e.pk] for k in kelurahan for e in elements}
    for finding in findings:
        for code in finding.codes:
            if (finding.kelurahan, code) in by_place:
                by_place[finding.kelurahan, code].findings.append(finding)
    sections: dict[int, Section] = {}
    for element in elements:
        section = sections.setdefault(element.program_id, Section(element.program, []))
        section.rows.append(Row(element, [cells[k.pk, element.pk] for k in kelurahan]))
    return EntryGrid(puskesmas, period, report, kelurahan, list(sections.values()), findings)


def report_findings(*, period: datetime.date, kelurahan: list[Kelurahan], cells) -> list[quality.Finding]:
    """Rule violations and outliers of a report's cells (three queries)."""
    cells = list(cells)
    columns: dict[str, dict[str, float | None]] = defaultdict(dict)
    for cell in cells:
        columns[cell.kelurahan.code][cell.element.code] = cell.value
    populations = Population.objects.filter(kelurahan__in=kelurahan, year=period.year).values_list(
        "kelurahan__code", "group", "value"
    )
    for kelurahan_code, group, value in populations:
        columns[kelurahan_code][f"pop.{group}"] = value
    rules = [
        quality.Rule(r.code, parse(r.left), r.operator, parse(r.right), r.severity, r.message)
        for r in ValidationRule.objects.filter(is_active=True)
    ]
    history, last_year = _cell_history(period=period, kelurahan=kelurahan)
    current = {(c.kelurahan.code, c.element.code): c.value for c in cells}
    return quality.check_rules(rules, columns) + quality.find_outliers(current, history, last_year)


def _cell_history(*, period: datetime.date, kelurahan: list[Kelurahan]):
    """The same cells' values in the 12 months before `period`, and in the same month a year before."""
    start, year_ago = months_before(period, 12), months_before(period, 12)
    rows = DataValue.objects.filter(
        kelurahan__in=kelurahan, report__period__gte=start, report__period__lt=period, value__isnull=False
    ).values_list("kelurahan__code", "data_element__code", "report__period", "value")
    history: dict[tuple[str, str], list[float]] = defaultdict(list)
    last_year: dict[tuple[str, str], float] = {}
    for kelurahan_code, code, month, value in rows:
        history[kelurahan_code, code].append(value)
        if month == year_ago:
            last_year[kelurahan_code, code] = value
    return history, last_year


def reports_of(*, puskesmas: QuerySet[Puskesmas], year: int) -> QuerySet[MonthlyReport]:
    return MonthlyReport.objects.filter(puskesmas__in=puskesmas, period__year=year).select_related("puskesmas")
