"""Consistency rules and outlier detection, without a database."""

import pytest

from programs.expressions import parse
from reports.quality import Rule, check_rules, find_outliers, modified_z_score

BBLR_RULE = Rule("BBLR", parse("BBLR"), "<=", parse("LAHIR_HIDUP"), "error", "BBLR > lahir hidup")
K6_RULE = Rule("K6", parse("BUMIL_K6"), "<=", parse("BUMIL_K1"), "warning", "K6 > K1")


def test_broken_rule_is_found_per_kelurahan():
    values = {"A": {"BBLR": 3, "LAHIR_HIDUP": 2}, "B": {"BBLR": 1, "LAHIR_HIDUP": 2}}
    findings = check_rules([BBLR_RULE], values)
    assert [(f.kelurahan, f.kind, f.is_error) for f in findings] == [("A", "BBLR", True)]
    assert findings[0].codes == {"BBLR", "LAHIR_HIDUP"}


def test_rule_with_a_missing_side_is_not_judged():
    assert check_rules([BBLR_RULE], {"A": {"BBLR": 3, "LAHIR_HIDUP": None}}) == []


def test_warning_rules_are_warnings():
    findings = check_rules([K6_RULE], {"A": {"BUMIL_K6": 5, "BUMIL_K1": 2}})
    assert findings[0].severity == "warning"
    assert not findings[0].is_error


def test_modified_z_score_of_a_hand_computed_series():
    history = [10, 12, 11, 13, 9, 10, 11, 12, 10, 11, 12, 11]
    # median 11, MAD 1 -> z = 0.6745 * (30 - 11) / 1
    assert modified_z_score(30, history) == pytest.approx(0.6745 * 19)


def test_short_history_says_nothing():
    assert modified_z_score(100, [1, 2, 3]) is None


def test_flat_history_uses_the_mean_deviation():
    assert modified_z_score(5, [5] * 12) == 0.0
    assert modified_z_score(6, [5] * 12) == float("inf")
    history = [5] * 10 + [6, 4]
    assert modified_z_score(5, history) == 0.0


def test_outlier_found_and_seasonal_value_forgiven():
    history = {("A", "BALITA_D"): [100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 100]}
    unusual = find_outliers({("A", "BALITA_D"): 160}, history, {})
    assert len(unusual) == 1
    assert (unusual[0].value, unusual[0].median) == (160, 100)
    seasonal = find_outliers({("A", "BALITA_D"): 160}, history, {("A", "BALITA_D"): 150})
    assert seasonal == []


def test_not_reported_is_never_an_outlier():
    assert find_outliers({("A", "X"): None}, {("A", "X"): [1] * 12}, {}) == []
