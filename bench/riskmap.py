"""`make bench`: the risk map. The city's map data against a raw-SQL view of the same rows, alone and
under 8 concurrent clients; recomputing a city month against the bare SQL aggregate of its inputs;
and the growth from city (177 kelurahan) to province (8,500) to nation (83,000) with 30 indicators.

`run(client)` expects a logged-in client inside override_settings(ROOT_URLCONF="bench.urls"), after
the dashboards benchmark seeded 24 months of demo reports.
"""

from __future__ import annotations

import random
import resource
import statistics
import threading
import time

from django.db import connection
from django.test import Client

from bench import synthetic
from bench.harness import Timing, measure, report
from reports.models import DataValue, MonthlyReport
from reports.queries import months_before
from riskmap import actions, queries
from riskmap.forms import latest_model

CLIENTS = 8
REQUESTS_PER_CLIENT = 15
SCALES = [("city", 177, ""), ("province", 8_500, "P"), ("nation", 83_000, "N")]

_INPUTS_SQL = """
SELECT v.kelurahan_id, v.data_element_id, sum(v.value)
  FROM {values} v JOIN {reports} r ON r.id = v.report_id
 WHERE r.status = 'approved' AND r.period BETWEEN %s AND %s AND v.value IS NOT NULL
   AND v.data_element_id IN (SELECT id FROM programs_dataelement WHERE code LIKE %s OR NOT %s)
 GROUP BY 1, 2
"""


def run(client: Client) -> None:
    model, period = latest_model(), queries.default_month()
    queries.current_run(model=model, period=period)
    url = f"/riskmap/api/scores.geojson?period={period:%Y-%m}"
    raw = measure("risk map data, raw SQL view", lambda: client.get(f"/bench/raw-risk?period={period:%Y-%m}"), runs=50)
    ours = measure("/riskmap/api/scores.geojson (177 kelurahan)", lambda: client.get(url), runs=50)
    report("Risk map data against the raw-SQL view of the same rows (in-process)", [raw, ours], raw)
    _concurrent(client, url, ours)

    compute = measure(
        "recompute one city month (21 indicators)",
        lambda: actions.compute_scores(model=model, period=period, force=True),
        runs=10,
        warmup=2,
    )
    bare = measure("bare SQL aggregate of its inputs", lambda: _inputs(period, synthetic_only=False), runs=10, warmup=2)
    report("Recomputing one city month against the bare SQL aggregate of the same values", [bare, compute], bare)
    _scale()


def _concurrent(client: Client, url: str, alone: Timing) -> None:
    """8 clients, each its own thread and database connection, asking at once."""
    samples: list[float] = []
    lock = threading.Lock()
    session = client.cookies

    def ask() -> None:
        mine = Client()
        mine.cookies = session
        for _ in range(REQUESTS_PER_CLIENT):
            started = time.perf_counter()
            assert mine.get(url).status_code == 200
            with lock:
                samples.append((time.perf_counter() - started) * 1000)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=ask) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    together = Timing(f"the same, {CLIENTS} concurrent clients", samples)
    print(
        f"  {together.name:44} {together.p50:8.2f} {together.p95:8.2f} {len(samples) / seconds:8.0f}"
        f" {len(samples) / seconds / alone.per_second:10.2f}x (throughput of all clients against one alone;"
        " one process, 2 cores, the GIL)"
    )


def _inputs(period, *, synthetic_only: bool) -> int:
    sql = _INPUTS_SQL.format(values=DataValue._meta.db_table, reports=MonthlyReport._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [months_before(period, 11), period, "SYN_%", synthetic_only])
        return len(cursor.fetchall())


def _scale() -> None:
    print("\nScale: one month of 30 indicators, computed and served (peak RSS is the process's, monotonic)")
    print(f"  {'':9} {'kelurahan':>9} {'values':>9} {'compute s':>9} {'SQL agg s':>9} {'ratio':>6}"
          f" {'serve s':>8} {'MB':>6} {'peak RSS MB':>11}")  # fmt: skip
    rng = random.Random(1)
    model = synthetic.scale_model()
    for name, total, prefix in SCALES:
        if prefix:
            synthetic.add_kelurahan(total, prefix)
        values = synthetic.report_month(rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        started = time.perf_counter()
        run = actions.compute_scores(model=model, period=synthetic.PERIOD, force=True)
        compute = time.perf_counter() - started
        aggregate = statistics.median(_timed(lambda: _inputs(synthetic.PERIOD, synthetic_only=True)) for _ in range(3))
        started = time.perf_counter()
        body = queries.scores_geojson(run=run, theme=None, public=False)
        serve = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"  {name:9} {run.scored + run.no_data:9,} {values:9,} {compute:9.2f} {aggregate:9.2f}"
            f" {compute / aggregate:5.1f}x {serve:8.2f} {len(body) / 1e6:6.0f} {peak:11.0f}"
        )
        del body


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
