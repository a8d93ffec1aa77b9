"""The published review rubric of BLOKOSUTO and the decision it leads to. No Django here.

Six criteria, after the EU Best Practice Portal's and KemenPAN-RB's KIPP criteria, each scored
1 to 5 by at least MIN_REVIEWS facilitators of the practice's class. The decision follows from the
means over the reviewers, never from anybody's preference:

- Praktik Baik (good practice): overall mean at least GOOD_MEAN and every criterion's mean at
  least GOOD_FLOOR;
- Praktik Menjanjikan (promising practice): overall mean at least PROMISING_MEAN and every
  criterion's mean at least PROMISING_FLOOR;
- otherwise rejected.

When the reviewers disagree by more than MAX_SPREAD points (the difference between the highest and
the lowest reviewer's own mean), one more review is needed before deciding (a third opinion).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

CRITERIA = ("relevance", "effectiveness", "equity", "sustainability", "transferability", "participation")
LOWEST, HIGHEST = 1, 5
MIN_REVIEWS = 2
GOOD_MEAN, GOOD_FLOOR = 4.0, 3.0
PROMISING_MEAN, PROMISING_FLOOR = 3.0, 2.0
MAX_SPREAD = 1.5


class Outcome(enum.StrEnum):
    GOOD = "good"
    PROMISING = "promising"
    REJECT = "reject"
    NEEDS_REVIEWS = "needs_reviews"  # fewer than MIN_REVIEWS reviews
    NEEDS_ANOTHER_REVIEW = "needs_another_review"  # the reviewers disagree too much

    @property
    def is_final(self) -> bool:
        return self in {Outcome.GOOD, Outcome.PROMISING, Outcome.REJECT}


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reviews: int
    mean: float | None  # over every criterion and reviewer
    criterion_means: dict[str, float]
    spread: float | None  # highest minus lowest reviewer mean


def reviewer_mean(scores: Mapping[str, int]) -> float:
    return sum(scores[criterion] for criterion in CRITERIA) / len(CRITERIA)


def verdict(reviews: Sequence[Mapping[str, int]]) -> Verdict:
    """The outcome of the reviews of one round; each review maps every criterion to 1..5."""
    for scores in reviews:
        if any(not LOWEST <= scores[criterion] <= HIGHEST for criterion in CRITERIA):
            raise ValueError("scores are between 1 and 5")
    if not reviews:
        return Verdict(Outcome.NEEDS_REVIEWS, 0, None, {}, None)
    criterion_means = {c: sum(scores[c] for scores in reviews) / len(reviews) for c in CRITERIA}
    mean = sum(criterion_means.values()) / len(CRITERIA)
    means = [reviewer_mean(scores) for scores in reviews]
    spread = max(means) - min(means)
    floor = min(criterion_means.values())
    if len(reviews) < MIN_REVIEWS:
        outcome = Outcome.NEEDS_REVIEWS
    elif spread > MAX_SPREAD and len(reviews) == MIN_REVIEWS:
        outcome = Outcome.NEEDS_ANOTHER_REVIEW
    elif mean >= GOOD_MEAN and floor >= GOOD_FLOOR:
        outcome = Outcome.GOOD
    elif mean >= PROMISING_MEAN and floor >= PROMISING_FLOOR:
        outcome = Outcome.PROMISING
    else:
        outcome = Outcome.REJECT
    return Verdict(outcome, len(reviews), mean, criterion_means, spread)


def improvement(before: float | None, after: float | None, *, higher_is_better: bool) -> float | None:
    """The change from before to after, positive when it is for the better; None if either is unknown."""
    if before is None or after is None:
        return None
    return after - before if higher_is_better else before - after
