"""The risk index arithmetic, without a database: a hand-computed example and its properties."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskmap.scoring import (
    DISTANCE_TO_TARGET,
    GEOMETRIC,
    NO_DATA,
    QUANTILE,
    Component,
    Method,
    percentile_ranks,
    score_kelurahan,
)

KELURAHAN = ["K1", "K2", "K3", "K4", "K5"]
COMPONENTS = [
    Component("A", "T1", 1, higher_is_better=False),  # e.g. stunting: higher is riskier
    Component("B", "T1", 1, higher_is_better=True),  # e.g. a coverage: lower is riskier
    Component("C", "T2", 2, higher_is_better=False),
]
RATES = {
    ("K1", "A"): 10, ("K2", "A"): 10, ("K3", "A"): 30, ("K4", "A"): 40, ("K5", "A"): None,
    ("K1", "B"): 90, ("K2", "B"): 70, ("K3", "B"): 80, ("K4", "B"): 60, ("K5", "B"): 50,
    ("K1", "C"): 5, ("K2", "C"): 1, ("K3", "C"): 3, ("K4", "C"): 2, ("K5", "C"): 4,
}  # fmt: skip


def by_name(scores):
    return {s.kelurahan: s for s in scores}


def test_hand_computed_example():
    scores = by_name(score_kelurahan(KELURAHAN, COMPONENTS, RATES))
    # A ranks (K5 missing, K1=K2 tied at the lowest rank): 0, 0, 2/3, 1; B: 0, .5, .25, .75, 1;
    # C: 1, 0, .5, .25, .75. Themes weigh the weights of their present components.
    expected = {"K1": 0.5, "K2": 0.125, "K3": (2 * (2 / 3 + 0.25) / 2 + 2 * 0.5) / 4, "K4": 0.5625, "K5": 2.5 / 3}
    assert {k: s.score for k, s in scores.items()} == pytest.approx(expected)
    assert {k: s.category for k, s in scores.items()} == {"K1": 3, "K2": 1, "K3": 3, "K4": 3, "K5": 5}
    assert {k: s.rank for k, s in scores.items()} == {"K5": 1, "K4": 2, "K1": 3, "K3": 4, "K2": 5}
    assert scores["K5"].coverage == 0.75
    assert {(k, p.indicator) for k, s in scores.items() for p in s.parts if p.flagged} == {
        ("K4", "A"),
        ("K5", "B"),
        ("K1", "C"),
    }
    for s in scores.values():
        assert sum(p.contribution for p in s.parts) == pytest.approx(s.score)


def test_too_little_data_is_data_kurang_not_a_score():
    scores = by_name(score_kelurahan(KELURAHAN, COMPONENTS, RATES, Method(min_coverage=0.8)))
    assert (scores["K5"].score, scores["K5"].category, scores["K5"].rank) == (None, NO_DATA, None)
    assert scores["K1"].rank == 2


def test_all_missing_is_data_kurang():
    scores = score_kelurahan(KELURAHAN, COMPONENTS, {})
    assert all(s.score is None and s.category == NO_DATA for s in scores)


def test_ties_share_the_lowest_rank():
    assert percentile_ranks({"a": 1, "b": 1, "c": 2}) == {"a": 0.0, "b": 0.0, "c": 1.0}
    assert percentile_ranks({"a": 3}) == {"a": 0.0}


def test_distance_to_target_ignores_kelurahan_that_meet_it():
    components = [Component("COV", "T", 1, higher_is_better=True, target=80)]
    rates = {("K1", "COV"): 95, ("K2", "COV"): 80, ("K3", "COV"): 60, ("K4", "COV"): 40}
    scores = by_name(score_kelurahan(["K1", "K2", "K3", "K4"], components, rates, Method(DISTANCE_TO_TARGET)))
    assert [scores[k].score for k in ["K1", "K2", "K3", "K4"]] == pytest.approx([0, 0, 0.5, 1])


def test_geometric_mean_of_themes():
    scores = by_name(score_kelurahan(KELURAHAN, COMPONENTS, RATES, Method(aggregation=GEOMETRIC)))
    assert scores["K4"].score == pytest.approx(math.sqrt(0.875 * 0.25))
    assert scores["K1"].score == 0  # a theme at 0 gives 0


def test_quantile_classes_spread_the_kelurahan():
    many = [f"K{i}" for i in range(10)]
    rates = {(k, "C"): i for i, k in enumerate(many)}
    scores = score_kelurahan(
        many, [Component("C", "T", 1, higher_is_better=False)], rates, Method(classification=QUANTILE)
    )
    assert [s.category for s in scores] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


rates_strategy = st.lists(
    st.tuples(*(st.one_of(st.none(), st.floats(0, 1000, allow_nan=False)) for _ in COMPONENTS)),
    min_size=1,
    max_size=25,
)


def as_rates(rows):
    names = [f"K{i}" for i in range(len(rows))]
    rates = {(k, c.indicator): row[j] for k, row in zip(names, rows, strict=True) for j, c in enumerate(COMPONENTS)}
    return names, rates


@settings(max_examples=200, deadline=None)
@given(rates_strategy, st.sampled_from([Method(), Method(DISTANCE_TO_TARGET), Method(aggregation=GEOMETRIC)]))
def test_scores_lie_between_0_and_1(rows, method):
    names, rates = as_rates(rows)
    for s in score_kelurahan(names, COMPONENTS, rates, method):
        assert s.score is None or 0 <= s.score <= 1
        assert s.score is None or 1 <= s.category <= 5


@settings(max_examples=200, deadline=None)
@given(rates_strategy, st.data())
def test_worsening_one_indicator_never_lowers_the_score(rows, data):
    names, rates = as_rates(rows)
    k = data.draw(st.sampled_from(names))
    component = data.draw(st.sampled_from(COMPONENTS))
    if rates[k, component.indicator] is None:
        return
    step = data.draw(st.floats(0, 500))
    worse = dict(rates)
    worse[k, component.indicator] += -step if component.higher_is_better else step
    before = by_name(score_kelurahan(names, COMPONENTS, rates))[k].score
    after = by_name(score_kelurahan(names, COMPONENTS, worse))[k].score
    assert before is None or after >= before - 1e-9


@settings(max_examples=100, deadline=None)
@given(rates_strategy, st.randoms())
def test_the_order_of_kelurahan_changes_nothing(rows, random):
    names, rates = as_rates(rows)
    shuffled = list(names)
    random.shuffle(shuffled)
    first = by_name(score_kelurahan(names, COMPONENTS, rates))
    second = by_name(score_kelurahan(shuffled, COMPONENTS, rates))
    assert {k: (s.score, s.category, s.rank) for k, s in first.items()} == {
        k: (s.score, s.category, s.rank) for k, s in second.items()
    }
