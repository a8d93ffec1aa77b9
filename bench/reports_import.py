"""`make bench`: the admin import of one city month of data values against PostgreSQL COPY of the same rows.

One month of the city in long format is every kelurahan x every active data element (177 x 39).
The baseline is psycopg's COPY of those rows into the data value table, reports already there. The
import runs DataValueResource.import_data as the admin calls it: the preview (dry run) and the
confirm pass, each into an empty month, creating its reports, all inside a transaction that is then
rolled back, so every run starts from the same database. Goal: at most 20x COPY. COPY fires the
history triggers (django-pghistory) as the import's bulk inserts do; they cost most of a COPY, so
both are also measured with the triggers switched off, for scale.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

import tablib
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from bench.harness import Timing, report
from programs.models import DataElement
from regions.models import ServiceArea
from reports.models import DataValue, MonthlyReport
from reports.resources import DataValueResource

PERIOD = datetime.date(2025, 1, 1)
HEADER = ["puskesmas_code", "period", "kelurahan_code", "data_element_code", "value"]
LIMIT = 20


def _city_month() -> list[tuple]:
    """(puskesmas id and code, kelurahan id and code, data element id and code, value) per cell."""
    areas = ServiceArea.objects.on(PERIOD).values_list(
        "puskesmas_id", "puskesmas__code", "kelurahan_id", "kelurahan__code"
    )
    elements = list(DataElement.objects.active().values_list("pk", "code"))
    cells = [(*area, *element) for area in areas.order_by("kelurahan__code") for element in elements]
    return [(*cell, n % 23) for n, cell in enumerate(cells)]


def _rolled_back(action: Callable[[], float]) -> float:
    """Runs `action` in a transaction that is always undone; returns the seconds `action` timed."""
    with transaction.atomic():
        seconds = action()
        transaction.set_rollback(True)
    return seconds


def _switch_off_history() -> None:
    """For scale only: the history triggers off until the transaction is rolled back."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {DataValue._meta.db_table} DISABLE TRIGGER USER")


def _copy(cells: list[tuple], *, history: bool = True) -> float:
    if not history:
        _switch_off_history()
    reports = {p: MonthlyReport.objects.create(puskesmas_id=p, period=PERIOD).pk for p in {cell[0] for cell in cells}}
    now = timezone.now()
    columns = "report_id, kelurahan_id, data_element_id, value, comment, follow_up, updated_at"
    started = time.perf_counter()
    with connection.cursor() as cursor, cursor.copy(f"COPY {DataValue._meta.db_table} ({columns}) FROM STDIN") as copy:
        for p, _, k, _, e, _, value in cells:
            copy.write_row((reports[p], k, e, value, "", False, now))
    return time.perf_counter() - started


def _import(dataset: tablib.Dataset, user: User, *, dry_run: bool, history: bool = True) -> float:
    if not history:
        _switch_off_history()
    started = time.perf_counter()
    result = DataValueResource().import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        rollback_on_validation_errors=True,
        retain_instance_in_row_result=not dry_run,  # the confirm step keeps them for the admin log
        file_name="bench.csv",
        user=user,
    )
    seconds = time.perf_counter() - started
    if result.has_errors() or result.has_validation_errors() or result.totals["new"] != len(dataset):
        raise RuntimeError(f"the bench import did not import every row: {dict(result.totals)}")
    return seconds


def _timing(name: str, action: Callable[[], float], runs: int) -> Timing:
    _rolled_back(action)  # warm-up
    return Timing(name, [_rolled_back(action) * 1000 for _ in range(runs)])


def run() -> None:
    user, _ = User.objects.get_or_create(username="bench-import", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=Role.ADMIN_DINKES))
    cells = _city_month()
    dataset = tablib.Dataset(*[(pc, f"{PERIOD:%Y-%m}", kc, ec, v) for _, pc, _, kc, _, ec, v in cells], headers=HEADER)

    copy = _timing(f"COPY of {len(cells)} rows (baseline)", lambda: _copy(cells), runs=10)
    preview = _timing("admin import, preview (dry run)", lambda: _import(dataset, user, dry_run=True), runs=5)
    confirm = _timing("admin import, confirm", lambda: _import(dataset, user, dry_run=False), runs=5)
    bare_copy = _timing("COPY, history triggers off", lambda: _copy(cells, history=False), runs=10)
    bare_confirm = _timing(
        "admin import, confirm, history triggers off",
        lambda: _import(dataset, user, dry_run=False, history=False),
        runs=5,
    )
    report("Data values: one city month in long format against COPY", [copy, preview, confirm], copy)
    report("The same without the history triggers (for scale)", [bare_copy, bare_confirm], bare_copy)
    for timing, baseline in ((preview, copy), (confirm, copy), (bare_confirm, bare_copy)):
        ratio = timing.p50 / baseline.p50
        verdict = "ok" if ratio <= LIMIT else "OVER THE LIMIT"
        print(f"  {timing.name}: {ratio:.1f}x the time of {baseline.name} (goal <= {LIMIT}x): {verdict}")
