"""Demo monthly reports: 24 plausible months, deterministic, mixed statuses, rules mostly kept, fast."""

import random
import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from programs.expressions import parse
from regions.demo import seed_populations
from regions.models import Puskesmas
from reports import quality
from reports.demo import MONTHS, demo_reports, seed_reports
from reports.models import DataValue, MonthlyReport, ValidationRule
from reports.queries import months_before

pytestmark = pytest.mark.django_db


SNAPSHOT = ["report__puskesmas__code", "report__period", "report__status", "kelurahan__code", "data_element__code"]


def snapshot() -> list:
    values = DataValue.objects.filter(report__in=list(demo_reports())).order_by(*SNAPSHOT)
    return list(values.values_list(*SNAPSHOT, "value", "comment"))


def error_findings(report_ids) -> Counter:
    """Broken error rules per report status, checked kelurahan by kelurahan."""
    rules = [
        quality.Rule(r.code, parse(r.left), r.operator, parse(r.right), r.severity, r.message)
        for r in ValidationRule.objects.filter(severity="error")
    ]
    columns: dict = {}
    for report, status, kelurahan, code, value in DataValue.objects.filter(report__in=report_ids).values_list(
        "report_id", "report__status", "kelurahan_id", "data_element__code", "value"
    ):
        columns.setdefault((report, status, kelurahan), {})[code] = value
    broken = Counter()
    for (_, status, _), column in columns.items():
        broken[status] += len(quality.check_rules(rules, {"k": column}))
    return broken


def test_two_years_of_plausible_reports(semarang):
    seed_populations(random.Random(1))
    last_month = months_before(timezone.localdate().replace(day=1), 1)
    people = MonthlyReport.objects.create(puskesmas=Puskesmas.objects.get(code="puskesmas-mijen"), period=last_month)
    started = time.perf_counter()
    reports, values = seed_reports(random.Random(7))
    assert time.perf_counter() - started < 60
    assert values > 150_000
    demo = MonthlyReport.objects.filter(pk__in=list(demo_reports().values_list("pk", flat=True)))
    assert demo.count() == reports
    current = timezone.localdate().replace(day=1)
    periods = set(demo.values_list("period", flat=True))
    assert periods == {months_before(current, n) for n in range(MONTHS + 1)}  # 24 complete months and this one
    statuses = Counter(demo.values_list("status", flat=True))
    assert statuses["approved"] > 0.85 * reports
    assert statuses["submitted"] > 0
    assert statuses["draft"] > 0
    assert 0 < statuses["returned"] < 0.05 * reports
    assert set(demo.filter(period=current).values_list("status", flat=True)) == {"draft"}
    returned = demo.filter(status="returned")
    assert all(reason.startswith("DEMO:") for reason in returned.values_list("return_reason", flat=True))
    late = [r for r in demo.filter(submitted_at__isnull=False) if r.is_late]
    assert 0.02 * reports < len(late) < 0.3 * reports
    assert all(r.submitted_at < timezone.now() for r in demo.filter(submitted_at__isnull=False))
    # Errors block submission: submitted and approved reports keep every error rule; returned ones
    # carry the violation they were sent back for.
    broken = error_findings(demo)
    assert broken["approved"] == broken["submitted"] == 0
    assert broken["returned"] >= returned.count()
    comments = DataValue.objects.filter(report__in=demo).exclude(comment="").values_list("comment", flat=True)
    assert comments
    assert all(comment.startswith("DEMO:") for comment in comments)
    # Blank is not zero: finished reports are complete, drafts are not.
    assert not DataValue.objects.filter(report__in=demo.exclude(status="draft"), value__isnull=True).exists()
    assert DataValue.objects.filter(report__in=demo, value=0).exists()
    people.refresh_from_db()  # a report somebody made is left alone
    assert not demo.filter(pk=people.pk).exists()


def test_same_seed_same_reports_and_a_rerun_replaces_them(semarang):
    seed_populations(random.Random(1))
    seed_reports(random.Random(7))
    first = snapshot()
    seed_reports(random.Random(7))
    assert snapshot() == first
    assert demo_reports().count() == MonthlyReport.objects.count()
    seed_reports(random.Random(8))
    assert snapshot() != first


def test_seed_demo_if_empty_keeps_the_demo_reports(semarang, capsys):
    call_command("seed_demo", seed=7)
    first = snapshot()
    assert first
    call_command("seed_demo", seed=8, if_empty=True)
    assert snapshot() == first
    assert "demo monthly reports already present" in capsys.readouterr().out
