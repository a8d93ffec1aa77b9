"""Read functions of the monthly report pages: the entry grid and the checks of one report."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
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
    typed: str | None = None  # what the user typed, when a refused save sends the form back
    input_error: str = ""

    @property
    def stored_differs(self) -> bool:
        stored = "" if self.value is None else str(self.value)
        return self.typed is not None and self.typed.strip() != stored

    @property
    def is_missing(self) -> bool:
        return self.value is None and self.element.is_required

    @property
    def has_error(self) -> bool:
        return any(f.is_error for f in self.findings)

    needs_comment: bool = False  # part of a warning that no cell of it explains yet
    detail_url: str = ""


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
    def named_findings(self) -> list[tuple[quality.Finding, str]]:
        """Each finding with the name of its kelurahan, errors first."""
        names = {k.code: k.name for k in self.kelurahan}
        ordered = sorted(self.findings, key=lambda f: (not f.is_error, names.get(f.kelurahan, "")))
        return [(f, names.get(f.kelurahan, f.kelurahan)) for f in ordered]

    @property
    def errors(self) -> list[quality.Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def uncommented_warnings(self) -> list[quality.Finding]:
        """Warnings that no cell of theirs explains with a comment (one comment per warning is enough)."""
        unexplained = {(c.kelurahan.code, c.element.code) for c in self.cells if c.needs_comment}
        return [
            f for f in self.findings if not f.is_error and any((f.kelurahan, code) in unexplained for code in f.codes)
        ]

    @property
    def due_date(self) -> datetime.date:
        return (self.report or MonthlyReport(period=self.period)).due_date

    def link_cells(self, url_template: str) -> None:
        """Gives each cell the URL of its details page, from one reversed URL with placeholders."""
        for cell in self.cells:
            cell.detail_url = url_template.replace("KELURAHAN", cell.kelurahan.code).replace(
                "ELEMENT", cell.element.code
            )

    def keep_typed(self, typed: dict[tuple[int, int], str], errors: dict[tuple[int, int], str]) -> None:
        """Puts what the user typed (and its errors) back on the cells after a refused save."""
        for cell in self.cells:
            key = (cell.kelurahan.pk, cell.element.pk)
            cell.typed, cell.input_error = typed.get(key), errors.get(key, "")

    def cell(self, kelurahan_code: str, element_code: str) -> Cell:
        for cell in self.cells:
            if cell.kelurahan.code == kelurahan_code and cell.element.code == element_code:
                return cell
        raise Http404

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
        involved = [
            by_place[finding.kelurahan, code] for code in finding.codes if (finding.kelurahan, code) in by_place
        ]
        for cell in involved:
            cell.findings.append(finding)
        if not finding.is_error and not any(cell.comment.strip() for cell in involved):
            for cell in involved:
                cell.needs_comment = True
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
    year_ago = months_before(period, 12)  # the first month of the history is also the same month last year
    rows = DataValue.objects.filter(
        kelurahan__in=kelurahan, report__period__gte=year_ago, report__period__lt=period, value__isnull=False
    ).values_list("kelurahan__code", "data_element__code", "report__period", "value")
    history: dict[tuple[str, str], list[float]] = defaultdict(list)
    last_year: dict[tuple[str, str], float] = {}
    for kelurahan_code, code, month, value in rows:
        history[kelurahan_code, code].append(value)
        if month == year_ago:
            last_year[kelurahan_code, code] = value
    return history, last_year


@dataclass(frozen=True)
class Change:
    at: datetime.datetime
    by: str
    label: str  # insert, update, delete
    value: int | None
    comment: str
    follow_up: bool


def cell_history(*, report: MonthlyReport, kelurahan: Kelurahan, element: DataElement) -> list[Change]:
    """Every change of one cell, newest first, with who made it (from the history triggers)."""
    events = (
        DataValue.pgh_event_model.objects.filter(
            report_id=report.pk, kelurahan_id=kelurahan.pk, data_element_id=element.pk
        )
        .select_related("pgh_context")
        .order_by("-pgh_created_at", "-pgh_id")
    )
    events = list(events)
    user_ids = {e.pgh_context.metadata.get("user") for e in events if e.pgh_context}
    names = {u.pk: u.get_full_name() or u.username for u in User.objects.filter(pk__in=user_ids - {None})}
    return [
        Change(
            e.pgh_created_at,
            names.get(e.pgh_context.metadata.get("user"), "") if e.pgh_context else "",
            e.pgh_label,
            e.value,
            e.comment,
            e.follow_up,
        )
        for e in events
    ]


@dataclass(frozen=True)
class MonthRow:
    period: datetime.date
    report: MonthlyReport | None

    @property
    def due_date(self) -> datetime.date:
        return MonthlyReport(period=self.period).due_date

    @property
    def is_late(self) -> bool:
        return (self.report or MonthlyReport(period=self.period)).is_late


def months_of(*, puskesmas: Puskesmas, until: datetime.date, count: int = 13) -> list[MonthRow]:
    """The puskesmas's last `count` months, newest first, with their reports where they exist."""
    newest = until.replace(day=1)
    periods = [months_before(newest, n) for n in range(count)]
    reports = {r.period: r for r in MonthlyReport.objects.filter(puskesmas=puskesmas, period__in=periods)}
    return [MonthRow(period, reports.get(period)) for period in periods]


def review_queue() -> QuerySet[MonthlyReport]:
    """Reports waiting for Dinkes, the longest waiting first."""
    return (
        MonthlyReport.objects.filter(status=MonthlyReport.Status.SUBMITTED)
        .select_related("puskesmas__kecamatan", "submitted_by")
        .order_by("submitted_at")
    )
