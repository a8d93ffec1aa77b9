"""Reads of the risk map: which model and month, current scores, the map data, the table and a comparison.

Scores are read through `current_runs`, which recomputes a month whose data changed since its
scores were computed (see `riskmap.stamps`): the map is current the moment a report is approved.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.db.models import Count, F, FloatField, OuterRef, Subquery, TextField
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from regions.models import ServiceArea
from reports.models import MonthlyReport
from reports.queries import months_before
from riskmap import actions, scoring
from riskmap.models import Category, RiskComponent, RiskModel, RiskRun, RiskScore, Theme
from riskmap.stamps import data_stamps

TREND_MONTHS = 12
COMPLETE_SHARE = 0.8


def published_models() -> list[RiskModel]:
    return list(RiskModel.objects.filter(published_at__isnull=False).order_by("-published_at"))


def reported_months(*, limit: int = 36) -> list[datetime.date]:
    """The months with at least one approved report, latest first: the months a map can show."""
    months = MonthlyReport.objects.filter(status=MonthlyReport.Status.APPROVED).values_list("period", flat=True)
    return list(months.distinct().order_by("-period")[:limit])


def default_month() -> datetime.date | None:
    """The latest month that most puskesmas have had approved (at least COMPLETE_SHARE of the
    best-reported month of the last three years): the month the map opens with. One query."""
    counts = (
        MonthlyReport.objects.filter(status=MonthlyReport.Status.APPROVED)
        .values_list("period")
        .annotate(approved=Count("pk"))
        .order_by("-period")[:36]
    )
    counts = list(counts)
    best = max((approved for _, approved in counts), default=0)
    return next((period for period, approved in counts if approved >= COMPLETE_SHARE * best), None)


def current_runs(*, model: RiskModel, periods: list[datetime.date]) -> dict[datetime.date, RiskRun]:
    """The computation of each month, recomputed first where the data changed (two queries when
    nothing changed)."""
    stamps = data_stamps(periods)
    runs = {run.period: run for run in RiskRun.objects.filter(model=model, period__in=periods)}
    for run in runs.values():
        run.model = model
    for period in periods:
        if period not in runs or runs[period].data_stamp != stamps[period]:
            runs[period] = actions.compute_scores(model=model, period=period, stamp=stamps[period])
    return runs


def current_run(*, model: RiskModel, period: datetime.date) -> RiskRun:
    return current_runs(model=model, periods=[period])[period]


def _puskesmas_name(period: datetime.date) -> Subquery:
    in_force = ServiceArea.objects.on(period).filter(kelurahan=OuterRef("kelurahan"))
    return Subquery(in_force.values("puskesmas__name")[:1])


def _scores(run: RiskRun, theme: str | None):
    """The run's scores with the kelurahan's names; `score`, `category` and `rank` of one theme when
    `theme` is given (null where the kelurahan has no value for that theme)."""
    rows = RiskScore.objects.filter(model_id=run.model_id, period=run.period).annotate(
        puskesmas_name=_puskesmas_name(run.period)
    )
    if theme:
        rows = rows.annotate(
            shown_score=Cast(KT(f"themes__{theme}__score"), FloatField()),
            shown_category=Coalesce(Cast(KT(f"themes__{theme}__category"), FloatField()), 0.0),
            shown_rank=Cast(KT(f"themes__{theme}__rank"), FloatField()),
        )
    else:
        rows = rows.annotate(shown_score=F("score"), shown_category=F("category"), shown_rank=F("rank"))
    return rows


def scores_geojson(*, run: RiskRun, theme: str | None, public: bool) -> str:
    """A FeatureCollection of every kelurahan's score, class, rank, coverage, flags, themes and parts,
    with the boundary; `public`: counts of 1 to 4 of sensitive indicators shown as "<5". The JSON
    columns are spliced in as PostgreSQL renders them, never decoded and re-encoded. One query."""
    parts = Coalesce("public_parts", "parts") if public else F("parts")
    rows = (
        _scores(run, theme)
        .annotate(
            geometry=Cast("kelurahan__boundary", TextField()),
            parts_json=Cast(parts, TextField()),
            themes_json=Cast("themes", TextField()),
            flags_json=Cast("flags", TextField()),
        )
        .order_by("kelurahan__code")
        .values_list(
            "kelurahan__code",
            "kelurahan__name",
            "kelurahan__kecamatan__name",
            "puskesmas_name",
            "shown_score",
            "shown_category",
            "shown_rank",
            "coverage",
            "geometry",
            "flags_json",
            "themes_json",
            "parts_json",
        )
    )
    features = [
        _feature(code, name, kecamatan, puskesmas, score, category, rank, coverage, geometry, flags, themes, parts)
        for code, name, kecamatan, puskesmas, score, category, rank, coverage, geometry, flags, themes, parts in rows
    ]
    header = {
        "type": "FeatureCollection",
        "model": {"id": run.model_id, "name": str(run.model)},
        "period": f"{run.period:%Y-%m}",
        "theme": theme,
        "computed_at": run.computed_at.isoformat(),
        "limits": run.cuts if not theme else _theme_limits(run, theme),
    }
    return json.dumps(header)[:-1] + ',"features":[' + ",".join(features) + "]}"


def _feature(code, name, kecamatan, puskesmas, score, category, rank, coverage, geometry, flags, themes, parts) -> str:
    properties = {
        "code": code,
        "name": name,
        "kecamatan": kecamatan,
        "puskesmas": puskesmas,
        "score": None if score is None else round(score, actions.PLACES),
        "category": int(category),
        "rank": None if rank is None else int(rank),
        "coverage": coverage,
    }
    spliced = f',"flags":{flags},"themes":{themes},"parts":{parts}}}'
    return f'{{"type":"Feature","geometry":{geometry or "null"},"properties":{json.dumps(properties)[:-1]}{spliced}}}'


def _theme_limits(run: RiskRun, theme: str) -> list[float]:
    values = _scores(run, theme).filter(shown_score__isnull=False).values_list("shown_score", flat=True)
    cuts, _ = scoring.class_limits(list(values), run.model.method)
    return [round(cut, actions.PLACES) for cut in cuts]


@dataclass(frozen=True)
class TableRow:
    code: str
    name: str
    kecamatan: str
    puskesmas: str | None
    score: float | None
    category: int
    rank: int | None
    coverage: float
    flags: list[str]
    top_driver: str | None  # the name of the indicator contributing most to the score

    @property
    def category_label(self) -> str:
        return Category(self.category).label


def table(*, run: RiskRun, theme: str | None) -> list[TableRow]:
    """Every kelurahan of the run, riskiest first, those with too little data last. Two queries."""
    names = dict(RiskComponent.objects.filter(model_id=run.model_id).values_list("indicator__code", "indicator__name"))
    rows = (
        _scores(run, theme)
        .select_related("kelurahan__kecamatan")
        .defer("kelurahan__boundary", "public_parts", "themes")
        .order_by(F("shown_score").desc(nulls_last=True), "kelurahan__name")
    )
    return [
        TableRow(
            code=row.kelurahan.code,
            name=row.kelurahan.name,
            kecamatan=row.kelurahan.kecamatan.name,
            puskesmas=row.puskesmas_name,
            score=row.shown_score,
            category=int(row.shown_category),
            rank=None if row.shown_rank is None else int(row.shown_rank),
            coverage=row.coverage,
            flags=row.flags,
            top_driver=names.get(_top_driver(row.parts, theme)),
        )
        for row in rows
    ]


def _top_driver(parts: list[dict], theme: str | None) -> str | None:
    shown = [p for p in parts if not theme or p["theme"] == theme]
    return max(shown, key=lambda p: p["contribution"])["indicator"] if shown else None


def trend_months(period: datetime.date) -> list[datetime.date]:
    return [months_before(period, n) for n in range(TREND_MONTHS - 1, -1, -1)]


def map_config(*, run: RiskRun, theme: str) -> dict:
    """What static/riskmap/map.js needs: where the data and the panels are, and the labels."""
    query = f"?model={run.model_id}&period={run.period:%Y-%m}"
    components = RiskComponent.objects.filter(model_id=run.model_id).select_related("indicator")
    return {
        "scores": reverse("riskmap:scores") + query + (f"&theme={theme}" if theme else ""),
        "panel": reverse("riskmap:kelurahan", args=["CODE"]) + query + "&partial=1",
        "indicators": {
            c.indicator.code: {"name": c.indicator.name, "unit": c.indicator.unit, "theme": c.theme} for c in components
        },
        "themes": dict(Theme.choices),
        "classes": dict(Category.choices),
        "text": {
            "score": _("Score"),
            "rank": _("Rank"),
            "noData": _("too little data"),
            "loading": _("Loading…"),
            "failed": _("The data could not be loaded. Try again."),
            "indicatorLegend": _("Percentile rank of the indicator (higher = riskier)"),
        },
    }


def model_themes(model: RiskModel | None) -> list[tuple[str, float, list[RiskComponent]]]:
    """The model's themes in order: label, weight (the sum of its components' weights), components."""
    if model is None:
        return []
    components = list(model.components.select_related("indicator").order_by("theme", "indicator__order"))
    total = sum(c.weight for c in components) or 1
    return [
        (label, float(sum(c.weight for c in chosen) / total), chosen)
        for code, label in Theme.choices
        if (chosen := [c for c in components if c.theme == code])
    ]
