"""Scores computed from approved reports, kept current when reports are approved or reopened."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from regions.models import Kelurahan
from reports import actions as report_actions
from reports import analytics
from reports.queries import working_area
from riskmap import queries
from riskmap.models import RiskRun, RiskScore
from riskmap.stamps import data_stamps
from tests.reports.builders import PERIOD
from tests.riskmap.conftest import RISKY, SAFE, approved_report


def scores_of(model, period=PERIOD) -> dict[str, RiskScore]:
    return {
        s.kelurahan.code: s for s in RiskScore.objects.filter(model=model, period=period).select_related("kelurahan")
    }


def test_every_kelurahan_gets_a_row_and_only_reporting_ones_a_score(model, approved_month, miroto, poncol):
    run = queries.current_run(model=model, period=PERIOD)

    scores = scores_of(model)
    reporting = {k.code for p in (miroto, poncol) for k in working_area(puskesmas=p, period=PERIOD)}
    assert len(scores) == Kelurahan.objects.count() == 177
    assert {code for code, s in scores.items() if s.score is not None} == reporting
    assert all(s.category == 0 and s.rank is None and s.coverage == 0 for c, s in scores.items() if c not in reporting)
    assert (run.scored, run.no_data) == (len(reporting), 177 - len(reporting))


def test_riskier_numbers_give_higher_scores_and_the_parts_carry_the_official_rates(
    model, approved_month, miroto, poncol
):
    queries.current_run(model=model, period=PERIOD)
    scores = scores_of(model)
    risky = [scores[k.code] for k in working_area(puskesmas=miroto, period=PERIOD)]
    safe = [scores[k.code] for k in working_area(puskesmas=poncol, period=PERIOD)]
    assert min(s.themes["gizi"]["score"] for s in risky) > max(s.themes["gizi"]["score"] for s in safe)

    stunting = {p["indicator"]: p for p in risky[0].parts}["STUNTING"]
    assert stunting["rate"] == pytest.approx(RISKY["STUNTING"] / RISKY["BALITA_DIUKUR"] * 100)
    assert (stunting["numerator"], stunting["denominator"]) == (20, 40)
    assert {p["indicator"]: p for p in safe[0].parts}["STUNTING"]["rate"] == pytest.approx(1.0)
    assert sum(p["contribution"] for p in risky[0].parts) == pytest.approx(risky[0].score, abs=1e-3)


def test_rates_below_the_minimum_denominator_are_missing_not_zero(model, personas, miroto, populations):
    # 5 children measured, below STUNTING's minimum denominator of 10: no stunting rate at all.
    approved_report(miroto, personas["head_a"], personas["staf"], overrides={"BALITA_DIUKUR": 5, "STUNTING": 0})
    queries.current_run(model=model, period=PERIOD)
    for score in scores_of(model).values():
        assert "STUNTING" not in {p["indicator"] for p in score.parts}


def test_recomputed_when_a_report_is_approved_and_when_it_is_reopened(model, personas, miroto, poncol, populations):
    approved_report(miroto, personas["head_a"], personas["staf"], overrides=RISKY)
    first = queries.current_run(model=model, period=PERIOD)
    poncol_kelurahan = working_area(puskesmas=poncol, period=PERIOD)[0].code
    assert scores_of(model)[poncol_kelurahan].score is None

    report = approved_report(poncol, personas["head_b"], personas["staf"], overrides=SAFE)
    second = queries.current_run(model=model, period=PERIOD)
    assert second.computed_at > first.computed_at
    assert second.data_stamp != first.data_stamp
    assert scores_of(model)[poncol_kelurahan].score is not None

    report_actions.reopen(report, by=personas["staf"], version=report.version, reason="Angka BBLR salah ketik")
    queries.current_run(model=model, period=PERIOD)
    assert scores_of(model)[poncol_kelurahan].score is None


def test_an_unchanged_month_is_not_recomputed_and_costs_two_queries(model, approved_month, django_assert_num_queries):
    run = queries.current_run(model=model, period=PERIOD)
    with django_assert_num_queries(2):  # the data stamp, the stored run
        again = queries.current_run(model=model, period=PERIOD)
    assert again.computed_at == run.computed_at


def test_an_approval_changes_its_month_and_the_later_months_of_its_window(model, personas, miroto, populations):
    """Year-to-date and 12-month rates of October onwards include September's values."""
    august, october = PERIOD.replace(month=8), PERIOD.replace(month=10)
    before = data_stamps([august, PERIOD, october])
    approved_report(miroto, personas["head_a"], personas["staf"])
    after = data_stamps([august, PERIOD, october])
    assert after[august] == before[august]
    assert after[PERIOD] != before[PERIOD]
    assert after[october] != before[october]


def test_sensitive_small_counts_are_hidden_in_the_public_parts(model, personas, miroto, populations):
    # 3 suspected TB people served of 3: a count of 1 to 4 of a sensitive indicator.
    approved_report(miroto, personas["head_a"], personas["staf"], overrides={"TB_TERDUGA": 3, "TB_TERDUGA_DILAYANI": 3})
    queries.current_run(model=model, period=PERIOD)
    score = scores_of(model)[working_area(puskesmas=miroto, period=PERIOD)[0].code]
    exact = {p["indicator"]: p for p in score.parts}["SPM_11_TBC"]
    public = {p["indicator"]: p for p in score.public_parts}["SPM_11_TBC"]
    assert (exact["numerator"], exact["rate"]) == (3, 100.0)
    assert (public["numerator"], public["denominator"], public["rate"]) == ("<5", None, None)
    assert public["normalised"] == exact["normalised"]
    unchanged = {p["indicator"]: p for p in score.public_parts}["JAMBAN_SEHAT"]
    assert unchanged == {p["indicator"]: p for p in score.parts}["JAMBAN_SEHAT"]


def test_the_command_computes_a_month_or_all_of_them(model, approved_month, capsys):
    call_command("compute_risk", "--period", "2025-09")
    assert "2025-09" in capsys.readouterr().out
    assert RiskRun.objects.filter(model=model, period=PERIOD).exists()
    call_command("compute_risk", "--all")
    assert RiskRun.objects.count() == 1


@pytest.mark.parametrize("argument", [["--period", "2025-13"], ["--period", "2999-01"], []])
def test_the_command_explains_a_bad_month(model, argument):
    with pytest.raises(CommandError):
        call_command("compute_risk", *argument)


def test_the_rates_are_those_of_the_analytics(model, approved_month, miroto):
    queries.current_run(model=model, period=PERIOD)
    kelurahan = working_area(puskesmas=miroto, period=PERIOD)[0]
    indicators = [c.indicator for c in model.components.select_related("indicator")]
    values = analytics.indicator_values(
        indicators=indicators, period=PERIOD, level=analytics.Level.KELURAHAN, approved_only=True
    )
    parts = {p["indicator"]: p for p in scores_of(model)[kelurahan.code].parts}
    for indicator in indicators:
        value = values.get((kelurahan.pk, indicator.code), analytics.UNREPORTED).value
        if value is None:
            assert indicator.code not in parts
        else:
            assert parts[indicator.code]["rate"] == pytest.approx(value, abs=1e-4)
