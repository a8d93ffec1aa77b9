"""Saving a full month grid of the largest puskesmas (most kelurahan): latency and query count."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from bench.harness import measure, report
from programs.models import DataElement
from regions.models import Puskesmas, ServiceArea
from reports.forms import cell_field
from reports.models import MonthlyReport
from reports.queries import working_area

PERIOD = datetime.date(2025, 9, 1)


def largest_puskesmas() -> Puskesmas:
    counts = {}
    for puskesmas_id in ServiceArea.objects.on(PERIOD).values_list("puskesmas_id", flat=True):
        counts[puskesmas_id] = counts.get(puskesmas_id, 0) + 1
    return Puskesmas.objects.get(pk=max(counts, key=counts.get))


def run(client, baseline) -> None:
    puskesmas = largest_puskesmas()
    head = User.objects.filter(puskesmas=puskesmas, groups__name="Kepala Puskesmas").first()
    client.force_login(head)
    kelurahan = working_area(puskesmas=puskesmas, period=PERIOD)
    elements = list(DataElement.objects.active().values_list("pk", flat=True))
    url = reverse("reports:entry", args=[puskesmas.code, PERIOD.strftime("%Y-%m")])
    client.get(url)
    values = itertools.cycle(["4", "5"])  # every save changes every cell

    def save() -> None:
        version = MonthlyReport.objects.filter(puskesmas=puskesmas, period=PERIOD).values_list("version", flat=True)
        value = next(values)
        data = {cell_field(k.pk, e): value for k in kelurahan for e in elements}
        data["version"] = str(version.first() or 1)
        client.post(url, data)

    save()
    connection.queries_log.clear()  # a full log (9,000 entries) would hide new ones from the count
    with CaptureQueriesContext(connection) as queries:
        save()
    timing = measure(
        f"save full grid, {puskesmas.name} ({len(kelurahan) * len(elements)} cells, all changed)",
        save,
        runs=40,
        warmup=3,
    )
    page = measure("open the entry grid", lambda: client.get(url), runs=60)
    report("Monthly report entry (in-process)", [baseline, page, timing], baseline)
    print(f"  one full save: {len(queries)} queries (the same for any number of cells; pinned in the tests)")
