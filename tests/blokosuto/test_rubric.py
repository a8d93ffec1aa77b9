"""The published thresholds: from the facilitators' scores to the decision (no database)."""

import pytest

from blokosuto.rubric import Outcome, improvement, verdict
from tests.blokosuto.builders import scores


def test_fewer_than_two_reviews_decide_nothing():
    assert verdict([]).outcome == Outcome.NEEDS_REVIEWS
    assert verdict([scores(5)]).outcome == Outcome.NEEDS_REVIEWS


def test_good_practice_needs_a_high_mean_and_no_weak_criterion():
    assert verdict([scores(4), scores(4)]).outcome == Outcome.GOOD  # mean exactly 4.0
    # mean 4.5 but equity averages 2.5: below the floor of 3, only promising
    weak_equity = verdict([scores(5, equity=2), scores(5, equity=3)])
    assert weak_equity.mean > 4
    assert weak_equity.criterion_means["equity"] == 2.5
    assert weak_equity.outcome == Outcome.PROMISING


def test_promising_and_rejected():
    assert verdict([scores(3), scores(4, relevance=3)]).outcome == Outcome.PROMISING
    assert verdict([scores(3), scores(3)]).outcome == Outcome.PROMISING  # mean exactly 3.0
    assert verdict([scores(3, equity=1), scores(3, equity=2)]).outcome == Outcome.REJECT  # equity 1.5 < 2
    assert verdict([scores(2), scores(3)]).outcome == Outcome.REJECT  # mean 2.5


def test_disagreeing_reviewers_call_for_a_third():
    split = verdict([scores(5), scores(3)])  # 2 points apart
    assert (split.outcome, split.spread) == (Outcome.NEEDS_ANOTHER_REVIEW, 2.0)
    at_limit = verdict([scores(5), scores(4, sustainability=3, transferability=3, participation=3)])
    assert (at_limit.spread, at_limit.outcome) == (1.5, Outcome.GOOD)  # exactly 1.5 apart is still agreement
    assert verdict([scores(5), scores(3), scores(4)]).outcome == Outcome.GOOD  # the third settles it: mean 4.0


def test_scores_outside_one_to_five_are_refused():
    with pytest.raises(ValueError, match="between 1 and 5"):
        verdict([scores(6), scores(5)])
    with pytest.raises(ValueError, match="between 1 and 5"):
        verdict([scores(0)])


def test_improvement_is_aligned_with_the_indicator_direction():
    assert improvement(60.0, 75.0, higher_is_better=True) == 15.0
    assert improvement(20.0, 12.5, higher_is_better=False) == 7.5  # stunting went down: better
    assert improvement(12.5, 20.0, higher_is_better=False) == -7.5
    assert improvement(None, 20.0, higher_is_better=True) is None  # not reported is not zero
    assert improvement(0.0, 0.0, higher_is_better=True) == 0.0
