"""`make bench`: the completeness board, the SPM scorecard and a program page on 24 months of demo
reports (about 165,000 values), against the minimal view of the same run.

`run(client)` expects a logged-in client on the bench database, inside
override_settings(ROOT_URLCONF="bench.urls"); it seeds the demo reports unless they are there
(months other benchmarks already reported stay as they are).
"""

import random
import time

from bench.harness import measure, report
from reports.demo import demo_reports, seed_reports

PAGES = [
    ("completeness board /laporan/kelengkapan/", "/laporan/kelengkapan/"),
    ("completeness board as XLSX", "/laporan/kelengkapan/?format=xlsx"),
    ("SPM scorecard /laporan/spm/ (40 x 12)", "/laporan/spm/"),
    ("program page /program/spm/ (12 trends)", "/program/spm/"),
]


def run(client) -> None:
    if not demo_reports().exists():
        started = time.perf_counter()
        reports, values = seed_reports(random.Random(1))
        print(f"\nseed_reports: {reports} reports, {values} values in {time.perf_counter() - started:.1f} s")
    for _, url in PAGES:
        status = client.get(url).status_code
        assert status == 200, (url, status)
    baseline = measure("minimal view (same middleware)", lambda: client.get("/bench/minimal"))
    timings = [measure(name, lambda url=url: client.get(url), runs=100) for name, url in PAGES]
    report("Dashboards on 24 months of demo reports (in-process, p50/p95)", [baseline, *timings], baseline)
