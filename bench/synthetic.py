"""Synthetic regions and reports for the risk map's scale benchmark: a province (8,500 kelurahan) and
a nation (83,000), each kelurahan reporting 31 data elements (30 numerators, one denominator) for
one month, scored by a published model of 30 indicators. Everything is written with COPY or bulk
inserts; the history triggers are off for the values (the bench database is thrown away)."""

from __future__ import annotations

import datetime
import random
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

from programs.models import DataElement, Indicator, Program
from regions.models import Kecamatan, Kelurahan, Puskesmas, ServiceArea
from reports.models import DataValue, MonthlyReport
from riskmap import actions
from riskmap.models import RiskComponent, RiskModel, Theme

PERIOD = datetime.date(2021, 1, 1)  # a month no other benchmark reports
INDICATORS = 30
KELURAHAN_PER_PUSKESMAS = 5
KELURAHAN_PER_KECAMATAN = 20
DENOMINATOR = "SYN_D"


def scale_model() -> RiskModel:
    """The 30 synthetic indicators (numerator / SYN_D per month), five per theme, in a published model."""
    program = Program.objects.first()
    elements = [DataElement(code=f"SYN_N{i:02d}", name=f"Sintetis {i}", program=program, is_active=False)
                for i in range(1, INDICATORS + 1)]  # fmt: skip
    DataElement.objects.bulk_create([*elements, DataElement(code=DENOMINATOR, name="Sintetis D", program=program,
                                                            is_active=False)])  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(code=f"SYN_I{i:02d}", name=f"Indikator sintetis {i}", definition="bench", numerator=f"SYN_N{i:02d}",
                  denominator=DENOMINATOR, window=Indicator.Window.MONTH, higher_is_better=i % 2 == 0, source="bench")
        for i in range(1, INDICATORS + 1)
    )  # fmt: skip
    model = RiskModel.objects.create(name="Bench 30 indikator", version=1)
    themes = list(Theme.values)
    RiskComponent.objects.bulk_create(
        RiskComponent(model=model, indicator=indicator, theme=themes[i % len(themes)], weight=1)
        for i, indicator in enumerate(indicators)
    )
    return actions.publish_model(model)


def add_kelurahan(total: int, prefix: str) -> None:
    """Adds synthetic kelurahan (codes starting with `prefix`, one letter), with their kecamatan,
    puskesmas and working areas, until there are `total`."""
    existing = Kelurahan.objects.count()
    new = total - existing
    if new <= 0:
        return
    kecamatan = Kecamatan.objects.bulk_create(
        Kecamatan(code=f"{prefix}{i:07d}", name=f"Kecamatan sintetis {prefix}{i}")
        for i in range(-(-new // KELURAHAN_PER_KECAMATAN))
    )
    kelurahan = Kelurahan.objects.bulk_create(
        (_kelurahan(f"{prefix}{i:012d}", kecamatan[i // KELURAHAN_PER_KECAMATAN], existing + i) for i in range(new)),
        batch_size=5000,
    )
    puskesmas = Puskesmas.objects.bulk_create(
        Puskesmas(code=f"sintetis-{prefix}{i}", name=f"Puskesmas sintetis {prefix}{i}", kecamatan=k.kecamatan)
        for i, k in enumerate(kelurahan[::KELURAHAN_PER_PUSKESMAS])
    )
    since = datetime.date(2000, 1, 1)
    ServiceArea.objects.bulk_create(
        (
            ServiceArea(kelurahan=k, puskesmas=puskesmas[i // KELURAHAN_PER_PUSKESMAS], valid_from=since)
            for i, k in enumerate(kelurahan)
        ),
        batch_size=5000,
    )


def _kelurahan(code: str, kecamatan: Kecamatan, index: int) -> Kelurahan:
    """A small square somewhere on a grid, so that the map data carries a real geometry."""
    x, y = 95 + (index % 600) * 0.05, -11 + (index // 600) * 0.05
    ring = [[x, y], [x + 0.04, y], [x + 0.04, y + 0.04], [x, y + 0.04], [x, y]]
    return Kelurahan(
        code=code, name=f"Kelurahan {code}", kecamatan=kecamatan, boundary={"type": "Polygon", "coordinates": [ring]}
    )


def report_month(rng: random.Random) -> int:
    """An approved report of PERIOD for every puskesmas that has none, with a value of every synthetic
    element for every kelurahan it serves; returns the values written."""
    done = set(MonthlyReport.objects.filter(period=PERIOD).values_list("puskesmas_id", flat=True))
    with _history_off(MonthlyReport):
        MonthlyReport.objects.bulk_create(
            (
                MonthlyReport(puskesmas_id=pk, period=PERIOD, status=MonthlyReport.Status.APPROVED)
                for pk in Puskesmas.objects.exclude(pk__in=done).values_list("pk", flat=True)
            ),
            batch_size=5000,
        )
    reports = dict(MonthlyReport.objects.filter(period=PERIOD).values_list("puskesmas_id", "pk"))
    filled = set(DataValue.objects.filter(report__period=PERIOD).values_list("kelurahan_id", flat=True).distinct())
    areas = list(ServiceArea.objects.exclude(kelurahan_id__in=filled).values_list("kelurahan_id", "puskesmas_id"))
    elements = dict(DataElement.objects.filter(code__startswith="SYN_").values_list("code", "pk"))
    numerators = [pk for code, pk in sorted(elements.items()) if code != DENOMINATOR]
    now, written = timezone.now(), 0
    columns = "report_id, kelurahan_id, data_element_id, value, comment, follow_up, updated_at"
    sql = f"COPY {DataValue._meta.db_table} ({columns}) FROM STDIN"
    with _history_off(DataValue), connection.cursor() as cursor, cursor.copy(sql) as copy:
        for kelurahan, puskesmas in areas:
            report, denominator = reports[puskesmas], rng.randint(50, 500)
            copy.write_row((report, kelurahan, elements[DENOMINATOR], denominator, "", False, now))
            for element in numerators:
                copy.write_row((report, kelurahan, element, rng.randint(0, denominator), "", False, now))
            written += 1 + len(numerators)
    return written


@contextmanager
def _history_off(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        try:
            yield
        finally:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
