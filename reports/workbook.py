"""The monthly report as an Excel workbook: writing the template and reading it back, without Django.

Layout of the one sheet (openpyxl, cell references as Excel shows them):

    A1      title                      (the caller's words: puskesmas and month)
    A2/B2   label / puskesmas code     (the upload must carry the same code...)
    A3/B3   label / month "YYYY-MM"    (...and the same month)
    A4      instructions
    row 6   column titles: code, data element, unit, then one kelurahan name per column from D
    row 7   the kelurahan Kemendagri codes above their columns (greyed: they key the round trip)
    row 8+  a program name row (in B) before its data elements; one row per data element with its
            code in A, name in B, unit in C and its values under the kelurahan

Only cells whose row has a data element code in A and whose column has a kelurahan code in row 7
are read; blank is "not reported" (None), 0 is zero; a formula counts with the value its program
saved. Reading returns every problem, typed (`Kind`) with its cell, for the caller to word.

An upload is untrusted: its size, its being a real XLSX (a ZIP holding a workbook, whatever its
name says), its unpacked size (zip bombs) and its sheet's dimensions are checked before openpyxl
parses it, and it is never read beyond MAX_ROWS x MAX_COLUMNS.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import BinaryIO

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from healthportal.spreadsheets import escape_formula

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 25 * 1024 * 1024  # a template unpacks to well under 1 MB
MAX_ZIP_ENTRIES = 200
MAX_ROWS = 500
MAX_COLUMNS = 200

PUSKESMAS_CELL, PERIOD_CELL = (2, 2), (3, 2)  # (row, column): B2, B3
HEADER_ROW, CODE_ROW, FIRST_ROW = 6, 7, 8
CODE_COLUMN, FIRST_COLUMN = 1, 4  # A, D

ZIP_MAGIC = b"PK\x03\x04"
XLSX_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}

Key = tuple[str, str]  # (kelurahan code, data element code)


class Kind(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    NOT_XLSX = "not_xlsx"
    UNPACKED_TOO_LARGE = "unpacked_too_large"
    TOO_MANY_CELLS = "too_many_cells"
    NOT_TEMPLATE = "not_template"
    WRONG_PUSKESMAS = "wrong_puskesmas"
    WRONG_PERIOD = "wrong_period"
    UNKNOWN_KELURAHAN = "unknown_kelurahan"
    OUTSIDE_AREA = "outside_area"
    DUPLICATE_KELURAHAN = "duplicate_kelurahan"
    MISSING_KELURAHAN = "missing_kelurahan"
    UNKNOWN_ELEMENT = "unknown_element"
    DUPLICATE_ELEMENT = "duplicate_element"
    MISSING_ELEMENT = "missing_element"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    FRACTION = "fraction"
    TOO_BIG = "too_big"


@dataclass(frozen=True)
class Problem:
    kind: Kind
    cell: str = ""  # "D12"; empty for problems of the whole file
    kelurahan: str = ""  # names, for the user
    element: str = ""
    value: str = ""  # what the cell holds, as text


@dataclass(frozen=True)
class Named:
    code: str
    name: str
    unit: str = ""  # data elements only


@dataclass(frozen=True)
class Section:
    title: str
    elements: list[Named]


@dataclass(frozen=True)
class Grid:
    """What a month's template holds: the working area's kelurahan (columns) and the data elements
    grouped by program (rows), with the stored values by (kelurahan code, data element code)."""

    puskesmas_code: str
    period: str  # "2026-03"
    kelurahan: list[Named]
    sections: list[Section]
    values: Mapping[Key, int | None]

    @property
    def elements(self) -> list[Named]:
        return [element for section in self.sections for element in section.elements]


@dataclass(frozen=True)
class Labels:
    """The template's words, in the user's language."""

    title: str
    puskesmas: str
    period: str
    instructions: str
    code: str
    element: str
    unit: str
    kelurahan_code: str
    invalid_number: str


@dataclass(frozen=True)
class Upload:
    values: dict[Key, int | None]
    cells: dict[Key, str]  # where each value was read
    problems: list[Problem]


GREY = Font(color="808080", size=9)
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E2EFDA")
PROGRAM_FILL = PatternFill("solid", fgColor="F2F2F2")


def write_template(grid: Grid, labels: Labels) -> bytes:
    """The template of one month, with the stored values filled in (blanks stay blank)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = grid.period
    sheet["A1"] = escape_formula(labels.title)
    sheet["A1"].font = Font(bold=True, size=13)
    for (row, column), label, value in (
        (PUSKESMAS_CELL, labels.puskesmas, grid.puskesmas_code),
        (PERIOD_CELL, labels.period, grid.period),
    ):
        sheet.cell(row, column - 1, escape_formula(label))
        sheet.cell(row, column, escape_formula(value)).font = BOLD
    sheet["A4"] = escape_formula(labels.instructions)
    last_column = FIRST_COLUMN + len(grid.kelurahan) - 1
    for column, title in enumerate((labels.code, labels.element, labels.unit), start=1):
        sheet.cell(HEADER_ROW, column, escape_formula(title))
    sheet.cell(CODE_ROW, 2, escape_formula(labels.kelurahan_code)).font = GREY
    for column, kelurahan in enumerate(grid.kelurahan, start=FIRST_COLUMN):
        sheet.cell(HEADER_ROW, column, escape_formula(kelurahan.name)).alignment = Alignment(wrap_text=True)
        sheet.cell(CODE_ROW, column, escape_formula(kelurahan.code)).font = GREY
        sheet.column_dimensions[get_column_letter(column)].width = 13
    for column in range(1, last_column + 1):
        sheet.cell(HEADER_ROW, column).font = BOLD
        sheet.cell(HEADER_ROW, column).fill = HEADER_FILL
    row = FIRST_ROW
    for section in grid.sections:
        sheet.cell(row, 2, escape_formula(section.title)).font = BOLD
        for column in range(1, last_column + 1):
            sheet.cell(row, column).fill = PROGRAM_FILL
        row += 1
        for element in section.elements:
            sheet.cell(row, CODE_COLUMN, escape_formula(element.code)).font = GREY
            sheet.cell(row, 2, escape_formula(element.name))
            sheet.cell(row, 3, escape_formula(element.unit))
            for column, kelurahan in enumerate(grid.kelurahan, start=FIRST_COLUMN):
                cell = sheet.cell(row, column, grid.values.get((kelurahan.code, element.code)))
                cell.number_format = "#,##0"
                cell.protection = Protection(locked=False)
            row += 1
    if grid.kelurahan:
        _only_whole_numbers(sheet, last_column, row - 1, labels.invalid_number)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 44
    sheet.column_dimensions["C"].width = 9
    sheet.freeze_panes = sheet.cell(FIRST_ROW, FIRST_COLUMN)
    # Codes and titles are locked (no password) so that a stray keystroke cannot break the round trip.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False  # widths and heights stay free
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _only_whole_numbers(sheet, last_column: int, last_row: int, message: str) -> None:
    rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    rule.error, rule.showErrorMessage = message, True
    rule.add(f"{get_column_letter(FIRST_COLUMN)}{FIRST_ROW}:{get_column_letter(last_column)}{last_row}")
    sheet.add_data_validation(rule)


def read_upload(file: BinaryIO, *, size: int, grid: Grid, city: Mapping[str, str], max_value: int) -> Upload:
    """Reads a filled template against the month's grid; `city` names every kelurahan code of the city."""
    problem = _file_problem(file, size)
    if problem:
        return Upload({}, {}, [problem])
    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception:  # a corrupt upload can fail anywhere inside openpyxl: it is simply not an XLSX
        return Upload({}, {}, [Problem(Kind.NOT_XLSX)])
    try:
        sheet = book.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS or (sheet.max_column or 0) > MAX_COLUMNS:
            return Upload({}, {}, [Problem(Kind.TOO_MANY_CELLS)])
        rows = [list(r) for r in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True)]
    except Exception:  # a broken sheet part, as above
        return Upload({}, {}, [Problem(Kind.NOT_XLSX)])
    finally:
        book.close()
    return _Reader(rows, grid, city, max_value).read()


def _file_problem(file: BinaryIO, size: int) -> Problem | None:
    if size == 0:
        return Problem(Kind.EMPTY)
    if size > MAX_BYTES:
        return Problem(Kind.TOO_LARGE)
    file.seek(0)
    if file.read(len(ZIP_MAGIC)) != ZIP_MAGIC:
        return Problem(Kind.NOT_XLSX)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        return Problem(Kind.NOT_XLSX)
    file.seek(0)
    if not XLSX_PARTS.issubset(entry.filename for entry in entries):
        return Problem(Kind.NOT_XLSX)
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        return Problem(Kind.UNPACKED_TOO_LARGE)
    return None


class _Reader:
    def __init__(self, rows: list[list], grid: Grid, city: Mapping[str, str], max_value: int) -> None:
        self.rows, self.grid, self.city, self.max_value = rows, grid, city, max_value
        self.area = {k.code: k.name for k in grid.kelurahan}
        self.element_names = {e.code: e.name for e in grid.elements}
        self.problems: list[Problem] = []

    def value_at(self, row: int, column: int) -> object:
        """The value of a cell by its 1-based position; None outside what was read."""
        if row > len(self.rows) or column > len(self.rows[row - 1]):
            return None
        return self.rows[row - 1][column - 1]

    def read(self) -> Upload:
        if not self._header_matches():
            return Upload({}, {}, self.problems)
        columns = self._kelurahan_columns()
        lines = self._element_rows()
        values, cells = {}, {}
        for row, element in lines.items():
            for column, kelurahan in columns.items():
                key, ref = (kelurahan, element), f"{get_column_letter(column)}{row}"
                cells[key] = ref
                values[key] = self._number(self.value_at(row, column), ref, kelurahan, element)
        return Upload(values, cells, self.problems)

    def _header_matches(self) -> bool:
        puskesmas, period = _text(self.value_at(*PUSKESMAS_CELL)), _text(self.value_at(*PERIOD_CELL))
        if not puskesmas or not period:
            self.problems.append(Problem(Kind.NOT_TEMPLATE))
        elif puskesmas != self.grid.puskesmas_code:
            self.problems.append(Problem(Kind.WRONG_PUSKESMAS, _ref(*PUSKESMAS_CELL), value=puskesmas))
        elif period != self.grid.period:
            self.problems.append(Problem(Kind.WRONG_PERIOD, _ref(*PERIOD_CELL), value=period))
        return not self.problems

    def _kelurahan_columns(self) -> dict[int, str]:
        columns: dict[int, str] = {}
        width = len(self.rows[CODE_ROW - 1]) if len(self.rows) >= CODE_ROW else 0
        for column in range(FIRST_COLUMN, width + 1):
            code = _text(self.value_at(CODE_ROW, column))
            ref = _ref(CODE_ROW, column)
            if not code:
                continue
            if code not in self.area:
                kind = Kind.OUTSIDE_AREA if code in self.city else Kind.UNKNOWN_KELURAHAN
                self.problems.append(Problem(kind, ref, kelurahan=self.city.get(code, ""), value=code))
            elif code in columns.values():
                self.problems.append(Problem(Kind.DUPLICATE_KELURAHAN, ref, kelurahan=self.area[code], value=code))
            else:
                columns[column] = code
        for code, name in self.area.items():
            if code not in columns.values():
                self.problems.append(Problem(Kind.MISSING_KELURAHAN, kelurahan=name, value=code))
        return columns

    def _element_rows(self) -> dict[int, str]:
        lines: dict[int, str] = {}
        for row in range(FIRST_ROW, len(self.rows) + 1):
            code = _text(self.value_at(row, CODE_COLUMN))
            ref = _ref(row, CODE_COLUMN)
            if not code:
                continue
            if code not in self.element_names:
                self.problems.append(Problem(Kind.UNKNOWN_ELEMENT, ref, value=code))
            elif code in lines.values():
                self.problems.append(Problem(Kind.DUPLICATE_ELEMENT, ref, element=self.element_names[code], value=code))
            else:
                lines[row] = code
        for code, name in self.element_names.items():
            if code not in lines.values():
                self.problems.append(Problem(Kind.MISSING_ELEMENT, element=name, value=code))
        return lines

    def _number(self, value: object, ref: str, kelurahan: str, element: str) -> int | None:
        number, kind = _count(value, self.max_value)
        if kind:
            shown = value if isinstance(value, str) else _shown(value)
            self.problems.append(Problem(kind, ref, self.area[kelurahan], self.element_names[element], shown))
        return number


def _count(value: object, max_value: int) -> tuple[int | None, Kind | None]:
    """A cell as a count: (the count or None for blank, or the kind of problem)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        return None, Kind.NOT_A_NUMBER  # TRUE/FALSE, dates and times
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        return None, Kind.NOT_A_NUMBER
    if not number.is_finite():
        return None, Kind.NOT_A_NUMBER
    if number < 0:
        return None, Kind.NEGATIVE
    if number != number.to_integral_value():
        return None, Kind.FRACTION
    if number > max_value:
        return None, Kind.TOO_BIG
    return int(number), None


def _text(value: object) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:%Y-%m}"  # a month that the spreadsheet program turned into a date
    return "" if value is None else str(value).strip()


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _ref(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


@dataclass(frozen=True)
class Change:
    cell: str
    kelurahan: str
    element: str
    old: int | None
    new: int | None

    @property
    def kind(self) -> str:
        """new (not reported before), blanked (not reported any more) or changed."""
        if self.old is None:
            return "new"
        return "blanked" if self.new is None else "changed"


@dataclass(frozen=True)
class Changes:
    """What storing an upload would do to the stored values, in the order of the sheet."""

    cells: list[Change]
    unchanged: int

    @property
    def counts(self) -> Counter[str]:
        return Counter(change.kind for change in self.cells)


def compare(grid: Grid, upload: Upload) -> Changes:
    kelurahan = {k.code: k.name for k in grid.kelurahan}
    elements = {e.code: e.name for e in grid.elements}
    changes, unchanged = [], 0
    for key, value in upload.values.items():
        old = grid.values.get(key)
        if old == value:
            unchanged += 1
        else:
            changes.append(Change(upload.cells[key], kelurahan[key[0]], elements[key[1]], old, value))
    return Changes(changes, unchanged)
