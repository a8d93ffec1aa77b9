"""The composite kelurahan health risk index: pure arithmetic, no Django.

Follows the public methods for composite indices (OECD/JRC handbook, CDC SVI, Indonesia's IPKM):
indicator rates -> direction aligned so that higher means riskier -> normalised across the city's
kelurahan (percentile rank (r-1)/(N-1) with ties at the lowest rank, or min-max of the distance to
target) -> weighted mean within each theme -> weighted mean of the themes (arithmetic, or geometric)
-> one of five classes (fixed cut-offs or quantiles) -> a flag on every indicator at or above the
90th percentile. A missing rate is missing, never zero: a kelurahan whose present components weigh
less than the model's minimum coverage gets "data kurang" instead of a score.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

PERCENTILE = "percentile"
DISTANCE_TO_TARGET = "distance_to_target"
ARITHMETIC = "arithmetic"
GEOMETRIC = "geometric"
FIXED = "fixed"
QUANTILE = "quantile"
FIXED_CUTS = (0.2, 0.4, 0.6, 0.8)
FLAG_PERCENTILE = 0.9
NO_DATA = 0  # the class of a kelurahan with too little data ("data kurang"); classes 1..5 otherwise


@dataclass(frozen=True)
class Component:
    indicator: str
    theme: str
    weight: float
    higher_is_better: bool
    target: float | None = None


@dataclass(frozen=True)
class Method:
    normalisation: str = PERCENTILE
    aggregation: str = ARITHMETIC
    classification: str = FIXED
    min_coverage: float = 0.5


@dataclass(frozen=True)
class Part:
    """One indicator's share in a kelurahan's score: what explains its colour."""

    indicator: str
    theme: str
    rate: float
    normalised: float
    contribution: float  # its share of the score (arithmetic aggregation: the parts add up to the score)
    flagged: bool


@dataclass(frozen=True)
class Score:
    kelurahan: str
    score: float | None  # 0 (lowest risk) .. 1 (highest); None: data kurang
    category: int  # 1..5, or NO_DATA
    coverage: float  # share of the model's weight with a rate in this kelurahan
    themes: dict[str, float]
    parts: tuple[Part, ...]
    rank: int | None = None  # 1 = riskiest


def percentile_ranks(values: Mapping[str, float]) -> dict[str, float]:
    """(r-1)/(N-1), r counting from the lowest value, tied values sharing the lowest rank of the tie."""
    ordered = sorted(values.values())
    n = len(ordered)
    if n < 2:
        return dict.fromkeys(values, 0.0)
    return {key: bisect.bisect_left(ordered, value) / (n - 1) for key, value in values.items()}


def min_max(values: Mapping[str, float]) -> dict[str, float]:
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high == low:
        return dict.fromkeys(values, 0.0)
    return {key: (value - low) / (high - low) for key, value in values.items()}


def aligned(component: Component, rate: float) -> float:
    """The rate turned so that higher means riskier: a shortfall from the target, or the rate itself."""
    if component.target is not None:
        gap = component.target - rate if component.higher_is_better else rate - component.target
        return max(gap, 0.0)
    return -rate if component.higher_is_better else rate


def normalise(component: Component, rates: Mapping[str, float], method: Method) -> dict[str, float]:
    if method.normalisation == DISTANCE_TO_TARGET:
        return min_max({k: aligned(component, r) for k, r in rates.items()})
    plain = Component(component.indicator, component.theme, component.weight, component.higher_is_better)
    return percentile_ranks({k: aligned(plain, r) for k, r in rates.items()})


def score_kelurahan(
    kelurahan: Sequence[str],
    components: Sequence[Component],
    rates: Mapping[tuple[str, str], float | None],
    method: Method = Method(),
) -> list[Score]:
    """The index of every kelurahan for one month. `rates` maps (kelurahan, indicator) to the rate,
    None or absent when not computable (not reported, below the minimum denominator)."""
    total_weight = sum(c.weight for c in components)
    normalised, flagged = {}, set()
    for component in components:
        present = {k: r for k in kelurahan if (r := rates.get((k, component.indicator))) is not None}
        normalised[component.indicator] = normalise(component, present, method)
        plain = Component(component.indicator, component.theme, 1, component.higher_is_better)
        for k, rank in percentile_ranks({k: aligned(plain, r) for k, r in present.items()}).items():
            if rank >= FLAG_PERCENTILE and len(present) > 1:
                flagged.add((k, component.indicator))
    scores = [_one(k, components, rates, normalised, flagged, total_weight, method) for k in kelurahan]
    return _classified(scores, method)


def _one(k, components, rates, normalised, flagged, total_weight, method) -> Score:
    by_theme: dict[str, list[tuple[Component, float]]] = defaultdict(list)
    for component in components:
        value = normalised[component.indicator].get(k)
        if value is not None:
            by_theme[component.theme].append((component, value))
    present_weight = sum(c.weight for pairs in by_theme.values() for c, _ in pairs)
    coverage = present_weight / total_weight if total_weight else 0.0
    themes = {
        theme: sum(c.weight * v for c, v in pairs) / sum(c.weight for c, _ in pairs)
        for theme, pairs in by_theme.items()
        if sum(c.weight for c, _ in pairs) > 0
    }
    theme_weights = {theme: sum(c.weight for c, _ in by_theme[theme]) for theme in themes}
    parts = tuple(
        Part(
            c.indicator,
            c.theme,
            rates[k, c.indicator],
            v,
            c.weight * v / present_weight if present_weight else 0.0,
            (k, c.indicator) in flagged,
        )
        for pairs in by_theme.values()
        for c, v in pairs
    )
    if not themes or coverage < method.min_coverage:
        return Score(k, None, NO_DATA, coverage, themes, parts)
    return Score(k, _combine(themes, theme_weights, method), NO_DATA, coverage, themes, parts)


def _combine(themes: dict[str, float], weights: dict[str, float], method: Method) -> float:
    total = sum(weights.values())
    if method.aggregation == GEOMETRIC:
        if any(themes[t] == 0 for t in themes):
            return 0.0
        return math.exp(sum(weights[t] * math.log(themes[t]) for t in themes) / total)
    return min(1.0, max(0.0, sum(weights[t] * themes[t] for t in themes) / total))


def category(value: float, cuts: Sequence[float], *, at_cut_moves_up: bool) -> int:
    """1..5: one more for every cut below the value (or equal to it, for fixed cut-offs)."""
    return 1 + sum(value > cut or (at_cut_moves_up and value == cut) for cut in cuts)


def class_limits(values: Sequence[float], method: Method) -> tuple[list[float], bool]:
    """The four limits between the five classes, and whether a value equal to a limit moves up.
    Quantile limits are the quintiles of the scored kelurahan, a value equal to one staying below."""
    scored = sorted(values)
    if method.classification == QUANTILE and scored:
        return [scored[max(0, math.ceil(q * len(scored)) - 1)] for q in (0.2, 0.4, 0.6, 0.8)], False
    return list(FIXED_CUTS), True


def classes(values: Mapping[str, float | None], method: Method) -> dict[str, int]:
    """The class (1..5, or NO_DATA for None) of each value."""
    cuts, moves_up = class_limits([v for v in values.values() if v is not None], method)
    return {k: NO_DATA if v is None else category(v, cuts, at_cut_moves_up=moves_up) for k, v in values.items()}


def ranks(values: Mapping[str, float | None]) -> dict[str, int | None]:
    """Rank 1 is the riskiest; tied values share the best rank of the tie; None has no rank."""
    first_rank: dict[float, int] = {}
    for position, value in enumerate(sorted((v for v in values.values() if v is not None), reverse=True)):
        first_rank.setdefault(value, position + 1)
    return {k: None if v is None else first_rank[v] for k, v in values.items()}


def _classified(scores: list[Score], method: Method) -> list[Score]:
    by_kelurahan = {s.kelurahan: s.score for s in scores}
    category_of, rank_of = classes(by_kelurahan, method), ranks(by_kelurahan)
    return [replace(s, category=category_of[s.kelurahan], rank=rank_of[s.kelurahan]) for s in scores]
