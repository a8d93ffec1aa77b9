"""Why a kelurahan has its colour (the panel of the map) and how the map changed between two months."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from blokosuto.queries import Recommendation, recommended_practices
from programs.models import Indicator
from regions.models import Kelurahan, Puskesmas, ServiceArea
from riskmap import queries
from riskmap.models import RiskModel, RiskRun, RiskScore, Theme

RED_FROM = 0.8  # a normalised value in the top class: the indicator is "red" in this kelurahan


@dataclass(frozen=True)
class Driver:
    indicator: Indicator
    theme: str
    rate: float | None  # None: hidden with its count ("<5")
    numerator: float | str | None
    denominator: float | None
    normalised: float
    contribution: float
    share: float  # its part of all contributions, 0..1: the length of its bar
    flagged: bool

    @property
    def is_red(self) -> bool:
        return self.flagged or self.normalised >= RED_FROM


@dataclass(frozen=True)
class TrendPoint:
    period: datetime.date
    score: float | None
    category: int


@dataclass(frozen=True)
class Panel:
    kelurahan: Kelurahan
    puskesmas: Puskesmas | None
    run: RiskRun
    score: RiskScore
    drivers: list[Driver]  # largest contribution first
    missing: list[Indicator]  # components without a rate here: not reported or too few
    themes: list[tuple[str, dict]]  # (theme label, its score, category and rank), riskiest first
    trend: list[TrendPoint]
    total: int  # kelurahan in the city, for "rank r of n"
    practices: list[Recommendation]  # published good practices for its red indicators


def kelurahan_panel(*, model: RiskModel, period: datetime.date, kelurahan: Kelurahan, public: bool) -> Panel:
    """Everything the panel shows of one kelurahan; the trend months are brought up to date too."""
    months = queries.trend_months(period)
    runs = queries.current_runs(model=model, periods=months)
    scores = {s.period: s for s in RiskScore.objects.filter(model=model, period__in=months, kelurahan=kelurahan)}
    score = scores[period]
    components = list(model.components.select_related("indicator"))
    indicators = {c.indicator.code: c.indicator for c in components}
    parts = (score.public_parts or score.parts) if public else score.parts
    present = {p["indicator"] for p in parts}
    total = sum(p["contribution"] for p in parts)
    drivers = sorted((_driver(p, indicators, total) for p in parts), key=lambda d: -d.contribution)
    return Panel(
        kelurahan=kelurahan,
        puskesmas=_puskesmas(kelurahan, period),
        run=runs[period],
        score=score,
        drivers=drivers,
        missing=[c.indicator for c in components if c.indicator.code not in present],
        themes=_themes(score.themes),
        trend=[
            TrendPoint(m, getattr(scores.get(m), "score", None), getattr(scores.get(m), "category", 0)) for m in months
        ],
        total=RiskScore.objects.filter(model=model, period=period).count(),
        practices=recommended_practices(indicator_codes=[d.indicator.code for d in drivers if d.is_red]),
    )


def _driver(part: dict, indicators: dict[str, Indicator], total: float) -> Driver:
    return Driver(
        indicator=indicators[part["indicator"]],
        theme=Theme(part["theme"]).label,
        rate=part["rate"],
        numerator=part["numerator"],
        denominator=part["denominator"],
        normalised=part["normalised"],
        contribution=part["contribution"],
        share=part["contribution"] / total if total else 0.0,
        flagged=part["flagged"],
    )


def _themes(themes: dict[str, dict]) -> list[tuple[str, dict]]:
    labelled = [(Theme(code).label, values) for code, values in themes.items()]
    return sorted(labelled, key=lambda item: -item[1]["score"])


def _puskesmas(kelurahan: Kelurahan, period: datetime.date) -> Puskesmas | None:
    area = ServiceArea.objects.on(period).filter(kelurahan=kelurahan).select_related("puskesmas").first()
    return area.puskesmas if area else None


@dataclass(frozen=True)
class Change:
    code: str
    name: str
    kecamatan: str
    before: float | None
    after: float | None
    category_before: int
    category_after: int

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def got_worse(self) -> bool:
        return self.category_before > 0 and self.category_after > self.category_before


@dataclass(frozen=True)
class Comparison:
    before: RiskRun
    after: RiskRun
    changes: list[Change]  # the largest rise of the score first, those without two scores last

    @property
    def worse(self) -> int:
        return sum(c.got_worse for c in self.changes)

    @property
    def better(self) -> int:
        return sum(c.category_after > 0 and c.category_after < c.category_before for c in self.changes)


def comparison(*, model: RiskModel, before: datetime.date, after: datetime.date) -> Comparison:
    runs = queries.current_runs(model=model, periods=[before, after])
    rows = RiskScore.objects.filter(model=model, period__in=[before, after]).values_list(
        "kelurahan__code", "kelurahan__name", "kelurahan__kecamatan__name", "period", "score", "category"
    )
    by_kelurahan: dict[str, dict] = {}
    for code, name, kecamatan, period, score, category in rows:
        entry = by_kelurahan.setdefault(code, {"name": name, "kecamatan": kecamatan})
        entry[period] = (score, category)
    changes = [
        Change(
            code,
            entry["name"],
            entry["kecamatan"],
            *_pair(entry.get(before), entry.get(after)),
        )
        for code, entry in by_kelurahan.items()
    ]
    changes.sort(key=lambda c: (c.change is None, -(c.change or 0), c.name))
    return Comparison(runs[before], runs[after], changes)


def _pair(before, after) -> tuple:
    before, after = before or (None, 0), after or (None, 0)
    return before[0], after[0], before[1], after[1]


@dataclass(frozen=True)
class TrendChart:
    """A small SVG line of the score over the months (no script needed): coordinates in a 360 x 120 box."""

    points: list[tuple[float, float, TrendPoint]]  # x, y of the months with a score
    labels: list[tuple[float, TrendPoint]]  # x of every month, for the axis
    line: str  # the polyline's points attribute

    WIDTH = 360
    HEIGHT = 120
    MARGIN = 12


def trend_chart(trend: list[TrendPoint]) -> TrendChart:
    step = (TrendChart.WIDTH - 2 * TrendChart.MARGIN) / max(1, len(trend) - 1)
    inner = TrendChart.HEIGHT - 2 * TrendChart.MARGIN
    xs = [TrendChart.MARGIN + i * step for i in range(len(trend))]
    points = [
        (round(x, 1), round(TrendChart.MARGIN + (1 - p.score) * inner, 1), p)
        for x, p in zip(xs, trend, strict=True)
        if p.score is not None
    ]
    return TrendChart(
        points, [(round(x, 1), p) for x, p in zip(xs, trend, strict=True)], " ".join(f"{x},{y}" for x, y, _ in points)
    )
