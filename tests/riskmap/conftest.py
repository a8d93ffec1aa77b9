"""Two puskesmas with approved reports for PERIOD, Miroto's kelurahan riskier than Poncol's."""

import random

import pytest

from programs.models import DataElement
from regions.demo import seed_populations
from reports import actions
from riskmap.models import RiskModel
from tests.reports.builders import PERIOD, filled_report

# Miroto: few children weighed and many of them stunted; Poncol: the opposite.
RISKY = {"BALITA_D": 40, "BALITA_DIUKUR": 40, "STUNTING": 20, "WASTING": 10, "UNDERWEIGHT": 12}
SAFE = {"BALITA_D": 400, "BALITA_DIUKUR": 400, "STUNTING": 4, "WASTING": 2, "UNDERWEIGHT": 3}


def approved_report(puskesmas, head, staf, *, period=PERIOD, overrides=None, red_stunting_in=None):
    report = filled_report(puskesmas, head, period=period, overrides=overrides)
    if red_stunting_in:
        report = with_red_stunting(report, head, red_stunting_in)
    report = actions.submit(report, by=head, version=report.version)
    return actions.approve(report, by=staf, version=report.version)


@pytest.fixture
def model(semarang) -> RiskModel:
    return RiskModel.objects.get(name="Indeks Risiko Kesehatan Kelurahan", version=1)


@pytest.fixture
def populations(semarang) -> None:
    seed_populations(random.Random(1))


@pytest.fixture
def approved_month(personas, miroto, poncol, populations):
    """Miroto and Poncol approved for PERIOD."""
    approved_report(miroto, personas["head_a"], personas["staf"], overrides=RISKY)
    approved_report(poncol, personas["head_b"], personas["staf"], overrides=SAFE)
    return PERIOD


def with_red_stunting(report, head, kelurahan, measured: int = 40, stunted: int = 35):
    """`report` with one kelurahan far above the others in stunting: the city's worst, flagged."""
    stunting, measured_element = DataElement.objects.get(code="STUNTING"), DataElement.objects.get(code="BALITA_DIUKUR")
    cells = [
        actions.CellValue(kelurahan.pk, measured_element.pk, measured),
        actions.CellValue(kelurahan.pk, stunting.pk, stunted),
    ]
    actions.save_values(report, cells, by=head, version=report.version)
    report.refresh_from_db()
    return report
