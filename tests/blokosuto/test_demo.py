"""seed_blokosuto: facilitators, sessions and a dozen practices in every state, from the demo reports."""

import random

import pytest
from django.conf import settings

from accounts.demo import seed_users
from blokosuto.demo import PRACTICES, seed_blokosuto
from blokosuto.models import Award, ClassSession, GoodPractice, Measurement, Replication, Review
from regions.demo import seed_populations
from reports.demo import seed_reports

pytestmark = pytest.mark.django_db


def test_demo_practices_across_the_workflow(classes):
    seed_users(random.Random(1), settings.DEMO_PASSWORD)
    seed_populations(random.Random(1))
    seed_reports(random.Random(1))
    summary = seed_blokosuto(random.Random(1))
    assert summary.startswith("BLOKOSUTO: 9 classes")
    statuses = sorted(GoodPractice.objects.values_list("status", flat=True))
    assert len(statuses) == len(PRACTICES) == 12
    assert set(statuses) == set(GoodPractice.Status.values)
    assert all(c.facilitators.count() == 2 for c in classes.values())
    assert ClassSession.objects.count() == 27
    assert Review.objects.count() >= 14
    assert Replication.objects.filter(practice__status="published").exists()
    measured = Measurement.objects.filter(practice__status="published", replication=None)
    assert measured.exclude(before=None).exists()
    assert measured.exclude(after=None).exists()
    assert Award.objects.count() == 1

    counts = (GoodPractice.objects.count(), ClassSession.objects.count(), Award.objects.count())
    seed_blokosuto(random.Random(1))  # a rerun replaces the demo data, it does not add to it
    assert (GoodPractice.objects.count(), ClassSession.objects.count(), Award.objects.count()) == counts
