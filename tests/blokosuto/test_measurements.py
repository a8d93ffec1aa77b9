"""Before/after values come from the approved monthly reports: the same numbers as the analytics,
a kelurahan that did not report is None (never 0), and small sensitive counts stay hidden."""

import pytest
from django.urls import reverse

from blokosuto import actions
from blokosuto.models import Measurement
from programs.models import Indicator
from reports import analytics
from tests.blokosuto.builders import D, make_practice, published
from tests.reports.test_analytics import make_report

pytestmark = pytest.mark.django_db
MIROTO, BRUMBUNGAN = "33.74.01.1001", "33.74.01.1002"
BEFORE, AFTER = D(2025, 3, 1), D(2025, 9, 1)


@pytest.fixture
def reports(semarang):
    make_report("puskesmas-miroto", BEFORE, {MIROTO: {"STUNTING": 20, "BALITA_DIUKUR": 100, "TB_KASUS": 3}})
    make_report(
        "puskesmas-miroto",
        AFTER,
        {MIROTO: {"STUNTING": 12, "BALITA_DIUKUR": 96}, BRUMBUNGAN: {"STUNTING": 0, "BALITA_DIUKUR": 40}},
    )
    make_report("puskesmas-miroto", D(2025, 10, 1), {MIROTO: {"STUNTING": 1, "BALITA_DIUKUR": 50}}, status="submitted")


def values(practice) -> dict:
    return {
        (m.kelurahan.code, m.indicator.code): (m.before, m.after, m.improvement, m.before_reason)
        for m in Measurement.objects.filter(practice=practice).select_related("kelurahan", "indicator")
    }


def test_values_match_the_monthly_reports(people, miroto, reports):
    practice = make_practice(people.head_a, puskesmas=miroto, kelurahan=(MIROTO, BRUMBUNGAN))
    stunting = Indicator.objects.get(code="STUNTING")
    for period in (BEFORE, AFTER):
        expected = analytics.indicator_values(
            indicators=[stunting], period=period, level=analytics.Level.KELURAHAN, approved_only=True
        )
        for m in Measurement.objects.filter(practice=practice, indicator=stunting):
            value = expected.get((m.kelurahan_id, "STUNTING"), analytics.UNREPORTED)
            assert (m.before if period == BEFORE else m.after) == value.value
    assert values(practice) == {
        (MIROTO, "STUNTING"): (20.0, 12.5, 7.5, ""),  # stunting fell 7.5 points: positive is better
        (BRUMBUNGAN, "STUNTING"): (None, 0.0, None, "not_reported"),  # not reported before: no change known
    }


def test_only_approved_reports_count(people, miroto, reports):
    practice = make_practice(people.head_a, puskesmas=miroto, after_period=D(2025, 10, 1))
    assert values(practice)[MIROTO, "STUNTING"][1] is None  # October is submitted, not approved


def test_values_are_read_again_when_published(people, miroto, reports):
    practice = make_practice(people.head_a, puskesmas=miroto, kelurahan=(BRUMBUNGAN,), before_period=D(2025, 2, 1))
    assert values(practice)[BRUMBUNGAN, "STUNTING"][1] == 0.0
    make_report("puskesmas-miroto", D(2025, 2, 1), {BRUMBUNGAN: {"STUNTING": 4, "BALITA_DIUKUR": 40}})
    published(practice, reviewers=[people.fac1, people.fac2], staf=people.staf)
    assert values(practice)[BRUMBUNGAN, "STUNTING"] == (10.0, 0.0, 10.0, "")


def test_without_both_months_there_are_no_values(people, miroto, reports):
    practice = make_practice(people.head_a, puskesmas=miroto, before_period=None, after_period=None)
    assert not Measurement.objects.filter(practice=practice).exists()
    practice.refresh_from_db()
    assert practice.measured_at is None


@pytest.mark.parametrize(("persona", "exact"), [("head_a", True), ("staf", True), ("head_b", False), ("fac1", False)])
def test_small_sensitive_counts_are_hidden(client, people, miroto, reports, persona, exact):
    practice = make_practice(people.head_a, puskesmas=miroto, indicators=("TBC_KASUS",), kelurahan=(MIROTO,))
    published(practice, reviewers=[people.fac1, people.fac2], staf=people.staf)
    client.force_login(getattr(people, persona))
    response = client.get(reverse("blokosuto:practice", args=[practice.pk]))
    row = response.context["page"].measurements[0]
    assert row.measurement.before == 3
    assert row.hidden is not exact
    chart = response.context["page"].chart["series"]["TBC_KASUS"]
    assert chart["before"] == ([3.0] if exact else [None])


def test_a_replication_has_its_own_values(people, miroto, poncol, reports):
    make_report("puskesmas-poncol", BEFORE, {"33.74.01.1007": {"STUNTING": 10, "BALITA_DIUKUR": 50}})
    make_report("puskesmas-poncol", AFTER, {"33.74.01.1007": {"STUNTING": 5, "BALITA_DIUKUR": 50}})
    practice = published(
        make_practice(people.head_a, puskesmas=miroto), reviewers=[people.fac1, people.fac2], staf=people.staf
    )
    replication = actions.save_replication(
        None,
        practice=practice,
        puskesmas=poncol,
        fields={"status": "pilot", "started_on": D(2025, 4, 1), "before_period": BEFORE, "after_period": AFTER},
        kelurahan=poncol.service_areas.filter(kelurahan__code="33.74.01.1007").values_list("kelurahan", flat=True),
        by=people.head_b,
    )
    measured = Measurement.objects.get(replication=replication)
    assert (measured.before, measured.after, measured.improvement) == (20.0, 10.0, 10.0)
    assert Measurement.objects.filter(practice=practice, replication=None).count() == 2
