"""The risk table as a spreadsheet (CSV or XLSX), with formula-safe text cells."""

from __future__ import annotations

import tablib
from django.http import HttpResponse
from django.utils.translation import gettext as _

from healthportal.spreadsheets import SafeCSV, SafeXLSX
from riskmap.models import RiskRun
from riskmap.queries import TableRow

FORMATS = {"csv": SafeCSV, "xlsx": SafeXLSX}


def table_dataset(rows: list[TableRow]) -> tablib.Dataset:
    dataset = tablib.Dataset(
        headers=[
            _("Rank"),
            _("Kelurahan code"),
            _("Kelurahan"),
            _("Kecamatan"),
            _("Puskesmas"),
            _("Score"),
            _("Class"),
            _("Coverage (%)"),
            _("Flags"),
            _("Largest contribution"),
        ]
    )
    for row in rows:
        dataset.append(
            [
                row.rank,
                row.code,
                row.name,
                row.kecamatan,
                row.puskesmas or "",
                None if row.score is None else round(row.score, 3),
                str(row.category_label),
                round(row.coverage * 100, 1),
                ", ".join(row.flags),
                row.top_driver or "",
            ]
        )
    return dataset


def table_response(*, run: RiskRun, theme: str, rows: list[TableRow], format: str) -> HttpResponse:
    spreadsheet = FORMATS[format]()
    response = HttpResponse(spreadsheet.export_data(table_dataset(rows)), content_type=spreadsheet.get_content_type())
    suffix = f"-{theme}" if theme else ""
    response["Content-Disposition"] = f'attachment; filename="peta-risiko-{run.period:%Y-%m}{suffix}.{format}"'
    return response
