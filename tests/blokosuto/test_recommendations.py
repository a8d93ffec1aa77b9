"""recommended_practices, the risk map's read function: published practices linked to the red
indicators, best measured improvement first, then the most replicated; at most three queries."""

import pytest

from blokosuto import actions
from blokosuto.models import Measurement
from blokosuto.queries import Recommendation, recommended_practices
from tests.blokosuto.builders import make_practice, published

pytestmark = pytest.mark.django_db


def set_improvement(practice, value):
    Measurement.objects.filter(practice=practice).update(improvement=value)


@pytest.fixture
def three(people, miroto, poncol, classes):
    reviewers, staf = [people.fac1, people.fac2], people.staf
    small = published(make_practice(people.head_a, puskesmas=miroto, title="Kecil"), reviewers=reviewers, staf=staf)
    big = published(
        make_practice(people.head_b, puskesmas=poncol, title="Besar", indicators=("STUNTING", "WASTING")),
        reviewers=reviewers,
        staf=staf,
    )
    unmeasured = published(
        make_practice(people.head_a, puskesmas=miroto, title="Belum diukur", indicators=("WASTING",)),
        reviewers=reviewers,
        staf=staf,
    )
    make_practice(people.head_a, puskesmas=miroto, title="Draf", indicators=("STUNTING",))  # never recommended
    set_improvement(small, 1.5)
    Measurement.objects.filter(practice=big, indicator__code="STUNTING").update(improvement=6.0)
    Measurement.objects.filter(practice=big, indicator__code="WASTING").update(improvement=-2.0)
    set_improvement(unmeasured, None)
    return small, big, unmeasured


def test_ranked_by_improvement_of_the_asked_indicators(three, django_assert_max_num_queries):
    _small, big, _unmeasured = three
    with django_assert_max_num_queries(3):
        found = recommended_practices(indicator_codes=["STUNTING"])
    assert [r.title for r in found] == ["Besar", "Kecil"]
    assert found[0] == Recommendation(
        practice_id=big.pk,
        title="Besar",
        url=f"/blokosuto/praktik/{big.pk}/",
        class_code="cemerlang",
        class_name="CEMERLANG",
        unit_name="Puskesmas Poncol",
        category="good",
        indicators=("STUNTING",),
        improvement=6.0,
        replications=0,
    )
    both = recommended_practices(indicator_codes={"STUNTING", "WASTING"})
    assert [(r.title, r.indicators, r.improvement) for r in both] == [
        ("Besar", ("STUNTING", "WASTING"), 2.0),  # mean of +6 and -2
        ("Kecil", ("STUNTING",), 1.5),
        ("Belum diukur", ("WASTING",), None),  # unknown improvement last
    ]


def test_replications_break_ties(people, three, poncol, django_assert_max_num_queries):
    small, big, _unmeasured = three
    set_improvement(big, 1.5)
    actions.save_replication(
        None,
        practice=small,
        puskesmas=poncol,
        fields={"status": "pilot", "started_on": small.started_on},
        kelurahan=poncol.service_areas.values_list("kelurahan", flat=True)[:2],
        by=people.head_b,
    )
    with django_assert_max_num_queries(3):
        found = recommended_practices(indicator_codes=["STUNTING"], limit=1)
    assert [(r.title, r.replications) for r in found] == [("Kecil", 2)]


def test_query_count_does_not_grow_with_input(three, django_assert_max_num_queries):
    codes = [f"X{n}" for n in range(500)] + ["WASTING"]
    with django_assert_max_num_queries(3):
        found = recommended_practices(indicator_codes=codes, limit=50)
    assert [(r.title, r.improvement) for r in found] == [("Besar", -2.0), ("Belum diukur", None)]  # known first
    assert recommended_practices(indicator_codes=[]) == []
    assert recommended_practices(indicator_codes=["KEMATIAN_IBU"]) == []
