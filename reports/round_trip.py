"""The Excel round trip of a monthly report: its template, the preview of a filled one, and storing it.

The workbook itself is built and read by reports/workbook.py (no Django); this module gives it the
month's grid from the database, words its problems in the user's language, and stores a clean upload
through reports.actions.save_values: all or nothing, refused when the report changed since the preview.

Between preview and confirmation the checked values (not the file) wait in the user's session under a
random token: the confirmation stores exactly what the preview showed, nothing the browser sends
besides the token is trusted, and no file is kept on any app server's disk.
"""

from __future__ import annotations

import datetime
import itertools
import secrets
from collections.abc import MutableMapping
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from regions.models import Kelurahan, Puskesmas
from reports import actions, queries, workbook
from reports.forms import MAX_CELL_VALUE
from reports.models import DataValue, MonthlyReport

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PENDING_KEY = "excel_uploads"
PENDING_KEPT = 3  # previews one user may have open at once (e.g. in several tabs)


class UploadExpiredError(Exception):
    """The preview to confirm is gone: stored already, replaced by newer ones, or the grid changed."""


@dataclass(frozen=True)
class MonthGrid:
    grid: workbook.Grid
    kelurahan_ids: dict[str, int]
    element_ids: dict[str, int]


def month_grid(*, puskesmas: Puskesmas, period: datetime.date, report: MonthlyReport | None) -> MonthGrid:
    """The entry grid of the month as the workbook sees it, keyed by codes (three queries at most)."""
    kelurahan = queries.working_area(puskesmas=puskesmas, period=period)
    elements = queries.active_elements()
    values = {}
    if report:
        values = {
            (k, e): v
            for k, e, v in DataValue.objects.filter(report=report).values_list(
                "kelurahan__code", "data_element__code", "value"
            )
        }
    sections = [
        workbook.Section(program.name, [workbook.Named(e.code, e.name, e.unit) for e in group])
        for program, group in itertools.groupby(elements, key=lambda e: e.program)
    ]
    grid = workbook.Grid(
        puskesmas.code, f"{period:%Y-%m}", [workbook.Named(k.code, k.name) for k in kelurahan], sections, values
    )
    return MonthGrid(grid, {k.code: k.pk for k in kelurahan}, {e.code: e.pk for e in elements})


def file_name(puskesmas: Puskesmas, period: datetime.date) -> str:
    return f"laporan-{puskesmas.code}-{period:%Y-%m}.xlsx"


def template_workbook(*, puskesmas: Puskesmas, period: datetime.date, report: MonthlyReport | None) -> bytes:
    labels = workbook.Labels(
        title=_("Monthly report of %(puskesmas)s, %(month)s")
        % {"puskesmas": puskesmas.name, "month": date_format(period, "F Y")},
        puskesmas=_("Puskesmas code"),
        period=_("Month"),
        instructions=_(
            "Fill in whole numbers of 0 or more. Leave a cell empty when it is not reported; 0 means zero. "
            "Do not change the codes in column A and row 7."
        ),
        code=_("Code"),
        element=_("Data element"),
        unit=_("Unit"),
        kelurahan_code=_("Kelurahan code"),
        invalid_number=_("Enter a whole number of 0 or more, or leave the cell empty."),
    )
    return workbook.write_template(month_grid(puskesmas=puskesmas, period=period, report=report).grid, labels)


@dataclass(frozen=True)
class ProblemRow:
    cell: str
    kelurahan: str
    element: str
    message: str


@dataclass(frozen=True)
class Preview:
    problems: list[ProblemRow]
    changes: workbook.Changes | None
    values: dict[workbook.Key, int | None]
    version: int  # of the report when previewed; 1 for a report not created yet

    @property
    def can_store(self) -> bool:
        return not self.problems and bool(self.changes and self.changes.cells)


def preview_upload(
    *, puskesmas: Puskesmas, period: datetime.date, report: MonthlyReport | None, upload: UploadedFile
) -> Preview:
    """Every problem of the uploaded file, or what storing it would change (four queries at most)."""
    version = report.version if report else 1
    if report and not report.is_editable:
        message = _("This report is %(status)s and can no longer be changed.") % {
            "status": report.get_status_display().lower()
        }
        return Preview([ProblemRow("", "", "", message)], None, {}, version)
    month = month_grid(puskesmas=puskesmas, period=period, report=report)
    city = dict(Kelurahan.objects.values_list("code", "name"))
    read = workbook.read_upload(upload, size=upload.size, grid=month.grid, city=city, max_value=MAX_CELL_VALUE)
    if read.problems:
        problems = [ProblemRow(p.cell, p.kelurahan, p.element, problem_message(p, month.grid)) for p in read.problems]
        return Preview(problems, None, {}, version)
    return Preview([], workbook.compare(month.grid, read), read.values, version)


def problem_message(problem: workbook.Problem, grid: workbook.Grid) -> str:
    kind = workbook.Kind
    messages = {
        kind.EMPTY: _("The file is empty."),
        kind.TOO_LARGE: _("The file is larger than %(limit)s MB.") % {"limit": workbook.MAX_BYTES // 2**20},
        kind.NOT_XLSX: _(
            "The file is not an Excel workbook (.xlsx). Save it as “Excel Workbook (.xlsx)” and upload it again."
        ),
        kind.UNPACKED_TOO_LARGE: _("The workbook is far larger than a report template once unpacked."),
        kind.TOO_MANY_CELLS: _("The sheet has far more rows or columns than a report template."),
        kind.NOT_TEMPLATE: _(
            "This is not a report template of the portal: cells B2 and B3 should hold the puskesmas code "
            "and the month. Download the template first."
        ),
        kind.WRONG_PUSKESMAS: _("This template belongs to another puskesmas (%(value)s), not to %(puskesmas)s."),
        kind.WRONG_PERIOD: _("This template is for the month %(value)s, not %(period)s."),
        kind.UNKNOWN_KELURAHAN: _("There is no kelurahan with code %(value)s."),
        kind.OUTSIDE_AREA: _("Kelurahan %(kelurahan)s is not in the working area of this puskesmas in %(period)s."),
        kind.DUPLICATE_KELURAHAN: _("Kelurahan %(kelurahan)s has more than one column."),
        kind.MISSING_KELURAHAN: _("The column of kelurahan %(kelurahan)s is missing. Download the template again."),
        kind.UNKNOWN_ELEMENT: _("There is no active data element with code %(value)s."),
        kind.DUPLICATE_ELEMENT: _("Data element %(element)s has more than one row."),
        kind.MISSING_ELEMENT: _("The row of data element %(element)s is missing. Download the template again."),
        kind.NOT_A_NUMBER: _("“%(value)s” is not a number."),
        kind.NEGATIVE: _("%(value)s is negative: a count cannot be below 0."),
        kind.FRACTION: _("%(value)s is not a whole number."),
        kind.TOO_BIG: _("%(value)s is too large for one kelurahan in one month."),
    }
    return messages[problem.kind] % {
        "value": problem.value,
        "kelurahan": problem.kelurahan,
        "element": problem.element,
        "puskesmas": grid.puskesmas_code,
        "period": grid.period,
    }


def remember(session: MutableMapping, preview: Preview, *, puskesmas: Puskesmas, period: datetime.date) -> str:
    """Keeps a clean preview's values in the session until it is confirmed; returns its token."""
    token = secrets.token_urlsafe(16)
    pending = dict(list(session.get(PENDING_KEY, {}).items())[-(PENDING_KEPT - 1) :])
    pending[token] = {
        "puskesmas": puskesmas.code,
        "period": f"{period:%Y-%m}",
        "version": preview.version,
        "cells": [[k, e, v] for (k, e), v in preview.values.items()],
    }
    session[PENDING_KEY] = pending
    return token


def store_upload(session: MutableMapping, token: str, *, puskesmas: Puskesmas, period: datetime.date, by: User) -> int:
    """Stores a previewed upload, all or nothing; returns how many cells changed.

    Raises UploadExpiredError, or reports.actions' ReportConflictError when the report was saved
    after the preview and WrongStatusError when it was submitted meanwhile.
    """
    pending = dict(session.get(PENDING_KEY, {}))
    entry = pending.pop(token, None)
    session[PENDING_KEY] = pending
    if not entry or (entry["puskesmas"], entry["period"]) != (puskesmas.code, f"{period:%Y-%m}"):
        raise UploadExpiredError
    month = month_grid(puskesmas=puskesmas, period=period, report=None)
    try:
        cells = [actions.CellValue(month.kelurahan_ids[k], month.element_ids[e], v) for k, e, v in entry["cells"]]
    except KeyError:  # the working area or the catalogue changed since the preview
        raise UploadExpiredError from None
    with transaction.atomic():
        report = actions.get_or_create_report(puskesmas=puskesmas, period=period)
        return actions.save_values(report, cells, by=by, version=entry["version"])
