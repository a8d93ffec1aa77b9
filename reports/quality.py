"""Data quality checks of a monthly report: consistency rules and outliers. Imports no Django.

A rule is checked per kelurahan and only when both sides have a value: a missing number is
reported as missing by the completeness check, not as a rule violation.
Outliers use the modified z-score (Iglewicz and Hoaglin): robust to the odd extreme month that
would inflate a plain z-score, which DHIS2's own documentation warns about for seasonal data.
"""

from __future__ import annotations

import operator
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from programs.expressions import Expression

OPERATORS = {"<=": operator.le, "<": operator.lt, "==": operator.eq, ">=": operator.ge, ">": operator.gt}
Z_THRESHOLD = 3.5
MIN_HISTORY = 6  # months of history needed before a value can be called unusual
# Seasonality: a value close to the same month last year is not an outlier, however far from the year's median.
SAME_MONTH_TOLERANCE = 0.5
SAME_MONTH_MIN_DIFFERENCE = 3


@dataclass(frozen=True)
class Rule:
    code: str
    left: Expression
    operator: str
    right: Expression
    severity: str  # "error" or "warning"
    message: str

    @property
    def codes(self) -> frozenset[str]:
        return self.left.codes | self.right.codes


@dataclass(frozen=True)
class Finding:
    """A problem in one kelurahan's column: a broken rule, or an unusual value (kind "outlier")."""

    kind: str  # the rule code, or "outlier"
    severity: str
    kelurahan: str
    codes: frozenset[str]
    message: str = ""
    value: float | None = None
    median: float | None = None
    last_year: float | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def check_rules(rules: Sequence[Rule], values: Mapping[str, Mapping[str, float | None]]) -> list[Finding]:
    """`values`: kelurahan -> name -> value (data element codes and `pop.<group>`)."""
    findings = []
    for kelurahan, column in values.items():
        for rule in rules:
            left, right = rule.left.evaluate(column), rule.right.evaluate(column)
            if left is None or right is None:
                continue
            if not OPERATORS[rule.operator](left, right):
                findings.append(Finding(rule.code, rule.severity, kelurahan, rule.codes, rule.message))
    return findings


def modified_z_score(value: float, history: Sequence[float]) -> float | None:
    """How unusual `value` is against `history`; None when history is too short to say."""
    if len(history) < MIN_HISTORY:
        return None
    median = statistics.median(history)
    mad = statistics.median(abs(x - median) for x in history)
    if mad == 0:
        # More than half the months share one value: fall back on the mean absolute deviation.
        mean_ad = statistics.fmean(abs(x - median) for x in history)
        if mean_ad == 0:
            return 0.0 if value == median else float("inf")
        return (value - median) / (1.253314 * mean_ad)
    return 0.6745 * (value - median) / mad


def find_outliers(
    current: Mapping[tuple[str, str], float | None],
    history: Mapping[tuple[str, str], Sequence[float]],
    last_year: Mapping[tuple[str, str], float | None],
) -> list[Finding]:
    """Warnings for values far from the same cell's last 12 months, unless close to the same month a year ago.

    Keys are (kelurahan, data element code); `history` holds the reported values of the 12 months
    before, `last_year` the value of the same month a year before.
    """
    findings = []
    for key, value in current.items():
        if value is None:
            continue
        past = history.get(key, ())
        z = modified_z_score(value, past)
        if z is None or abs(z) <= Z_THRESHOLD:
            continue
        previous = last_year.get(key)
        if previous is not None and abs(value - previous) <= max(
            SAME_MONTH_TOLERANCE * previous, SAME_MONTH_MIN_DIFFERENCE
        ):
            continue
        kelurahan, code = key
        findings.append(
            Finding(
                "outlier",
                "warning",
                kelurahan,
                frozenset({code}),
                value=value,
                median=statistics.median(past),
                last_year=previous,
            )
        )
    return findings
