"""The state of the data a month's risk scores are computed from, as a short text (a data stamp).

Scores are current when the stamp they were computed from equals today's. The stamp of a month
changes whenever anything it reads changes, whichever way the change came: a report approved or
reopened (through the workflow, the Excel upload or an admin back-fill), a target population
edited or imported, a working area moved. That is why scores are refreshed by comparing stamps
rather than by a hook in the approval step, which would miss the other ways.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from django.db import connection

from regions.models import Population, ServiceArea
from reports.models import MonthlyReport
from reports.queries import months_before

WINDOW_MONTHS = 12  # the longest window of an indicator (ROLLING_12; YTD is within it)

_SQL = """
SELECT 'report', period, count(*)::text || '@' || max(updated_at)::text
  FROM {reports} WHERE status = %(approved)s AND period BETWEEN %(first)s AND %(last)s GROUP BY period
UNION ALL
SELECT 'population', make_date(year, 1, 1), count(*)::text || '+' || sum(value)::text
  FROM {populations} WHERE year = ANY(%(years)s) GROUP BY year
UNION ALL
SELECT 'area', NULL, count(*)::text || '/' || coalesce(max(id), 0)::text || '/' || coalesce(sum(puskesmas_id), 0)::text
       || '/' || coalesce(max(valid_from)::text, '') || '/' || coalesce(max(valid_to)::text, '')
  FROM {areas}
"""


def data_stamps(periods: Sequence[datetime.date]) -> dict[datetime.date, str]:
    """Month -> the stamp of the approved reports of its 12-month window, the target populations of
    its year and the working areas. One query for any number of months."""
    first = months_before(min(periods), WINDOW_MONTHS - 1)
    sql = _SQL.format(
        reports=MonthlyReport._meta.db_table, populations=Population._meta.db_table, areas=ServiceArea._meta.db_table
    )
    params = {
        "approved": MonthlyReport.Status.APPROVED,
        "first": first,
        "last": max(periods),
        "years": sorted({p.year for p in periods}),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    reports = {day: text for kind, day, text in rows if kind == "report"}
    populations: dict[int, str] = defaultdict(str, {day.year: text for kind, day, text in rows if kind == "population"})
    areas = next(text for kind, _, text in rows if kind == "area")
    return {
        period: _digest(
            *(f"{month:%Y-%m}={reports[month]}" for month in sorted(reports) if _in_window(month, period)),
            f"pop={populations[period.year]}",
            f"area={areas}",
        )
        for period in periods
    }


def _digest(*parts: str) -> str:
    return hashlib.sha256(";".join(parts).encode()).hexdigest()


def _in_window(month: datetime.date, period: datetime.date) -> bool:
    return months_before(period, WINDOW_MONTHS - 1) <= month <= period
