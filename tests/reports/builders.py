"""Test data for monthly reports: a month in the past and reports filled through the real actions."""

import datetime

from programs.models import DataElement
from reports import actions, queries
from reports.forms import cell_field
from reports.models import MonthlyReport

PERIOD = datetime.date(2025, 9, 1)
PERIOD_TEXT = "2025-09"
# Values that pass every validation rule (sub-counts smaller than their totals).
SAFE = {
    "BBLR": 1, "STUNTING": 2, "WASTING": 2, "GIZI_BURUK": 1, "UNDERWEIGHT": 2, "TB_TERDUGA_DILAYANI": 3,
    "TB_SEMBUH_LENGKAP": 2, "HIV_DITES": 3, "KK_JAMBAN_SEHAT": 5, "POSYANDU_AKTIF": 3, "KN_LENGKAP": 3,
    "BUMIL_K6": 3, "BUMIL_RISTI_DITANGANI": 3, "KN1": 3,
}  # fmt: skip


def grid_post(report_or_puskesmas, period=PERIOD, value=5, overrides=None, version=1) -> dict[str, str]:
    """The POST data of a full grid: every cell filled with a rule-abiding value."""
    puskesmas = getattr(report_or_puskesmas, "puskesmas", report_or_puskesmas)
    overrides = overrides or {}
    data = {"version": str(version)}
    elements = {e.pk: e.code for e in DataElement.objects.active()}
    for kelurahan in queries.working_area(puskesmas=puskesmas, period=period):
        for pk, code in elements.items():
            data[cell_field(kelurahan.pk, pk)] = str(overrides.get(code, SAFE.get(code, value)))
    return data


def filled_report(puskesmas, user, *, period=PERIOD, overrides=None) -> MonthlyReport:
    report = actions.get_or_create_report(puskesmas=puskesmas, period=period)
    data = grid_post(puskesmas, period, overrides=overrides)
    cells = [
        actions.CellValue(int(k), int(e), None if v == "" else int(v))
        for name, v in data.items()
        if name.startswith("v-")
        for _, k, e in [name.split("-")]
    ]
    actions.save_values(report, cells, by=user, version=report.version)
    report.refresh_from_db()
    return report
