"""Writes of the risk map: computing a model's scores for a month, publishing and copying models."""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from regions.models import Kelurahan
from reports.analytics import IndicatorValue, Level, indicator_values, is_hidden_count
from riskmap import scoring
from riskmap.models import RiskComponent, RiskModel, RiskRun, RiskScore
from riskmap.stamps import data_stamps

HIDDEN = "<5"
PLACES = 4  # decimals kept of rates and shares: enough for any map, a third of the JSON


@transaction.atomic
def compute_scores(
    *, model: RiskModel, period: datetime.date, stamp: str | None = None, force: bool = False
) -> RiskRun:
    """Scores every kelurahan of the city for `model` and `period` from approved reports, replacing
    the month's previous scores. One computation at a time per model and month; a caller who waited
    for another gets that one's result when the data has not changed since (unless `force`)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [model.pk, period.toordinal()])
    stamp = stamp or data_stamps([period])[period]
    done = RiskRun.objects.filter(model=model, period=period, data_stamp=stamp).first()
    if done and not force:
        return done
    started = time.perf_counter()
    components = list(model.components.select_related("indicator"))
    indicators = {c.indicator.code: c.indicator for c in components}
    values = indicator_values(
        indicators=list(indicators.values()), period=period, level=Level.KELURAHAN, approved_only=True
    )
    kelurahan = list(Kelurahan.objects.order_by("pk").values_list("pk", flat=True))
    rates = {key: value.value for key, value in values.items() if value.value is not None}
    method = model.method
    scores = scoring.score_kelurahan(kelurahan, [c.as_component() for c in components], rates, method)
    themes = _themes(scores, method)
    now = timezone.now()
    RiskScore.objects.filter(model=model, period=period).delete()
    _copy_rows(_row(model, period, s, themes[s.kelurahan], values, indicators, now) for s in scores)
    cuts, _ = scoring.class_limits([s.score for s in scores if s.score is not None], method)
    run, _ = RiskRun.objects.update_or_create(
        model=model,
        period=period,
        defaults={
            "computed_at": now,
            "data_stamp": stamp,
            "scored": sum(s.score is not None for s in scores),
            "no_data": sum(s.score is None for s in scores),
            "cuts": [round(cut, PLACES) for cut in cuts],
            "seconds": time.perf_counter() - started,
        },
    )
    return run


_COLUMNS = [
    "model_id", "period", "kelurahan_id", "score", "category", "rank", "coverage",
    "flags", "themes", "parts", "public_parts", "computed_at",
]  # fmt: skip


def _copy_rows(rows: Iterable[tuple]) -> None:
    """Writes the scores with COPY (rows in the order of _COLUMNS, JSON as text): five times faster
    than a multi-row INSERT of the same JSON."""
    sql = f"COPY {RiskScore._meta.db_table} ({', '.join(_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _themes(scores: list[scoring.Score], method: scoring.Method) -> dict[int, dict[str, dict]]:
    """Kelurahan -> theme -> its score, class and rank among the kelurahan with that theme."""
    result: dict[int, dict[str, dict]] = {s.kelurahan: {} for s in scores}
    for theme in {t for s in scores for t in s.themes}:
        values = {s.kelurahan: s.themes[theme] for s in scores if theme in s.themes}
        classes, ranks = scoring.classes(values, method), scoring.ranks(values)
        for k, value in values.items():
            result[k][theme] = {"score": round(value, PLACES), "category": classes[k], "rank": ranks[k]}
    return result


def _row(model, period, score: scoring.Score, themes, values, indicators, now) -> tuple:
    """The score's row for COPY, in the order of _COLUMNS."""
    parts, public_parts, hidden = [], [], False
    for part in score.parts:
        value = values[score.kelurahan, part.indicator]
        exact = _part(part, value)
        parts.append(exact)
        if is_hidden_count(indicators[part.indicator], value):
            hidden = True
            public_parts.append(_without_counts(exact))
        else:
            public_parts.append(exact)
    flags = [part.indicator for part in score.parts if part.flagged]
    return (
        model.pk, period, score.kelurahan, score.score, score.category, score.rank, round(score.coverage, PLACES),
        json.dumps(flags), json.dumps(themes), json.dumps(parts), json.dumps(public_parts) if hidden else None, now,
    )  # fmt: skip


def _part(part: scoring.Part, value: IndicatorValue) -> dict:
    return {
        "indicator": part.indicator,
        "theme": part.theme,
        "rate": round(part.rate, PLACES),
        "numerator": value.numerator,
        "denominator": value.denominator,
        "normalised": round(part.normalised, PLACES),
        "contribution": round(part.contribution, PLACES),
        "flagged": part.flagged,
    }


def _without_counts(part: dict) -> dict:
    """The part as shown below Dinkes: a count of 1 to 4 becomes "<5", and the rate and denominator,
    which would give the count back, are left out."""
    return {**part, "numerator": HIDDEN, "denominator": None, "rate": None}


@transaction.atomic
def publish_model(model: RiskModel) -> RiskModel:
    """Freezes a draft model: from now on neither it nor its components can change."""
    RiskModel.objects.filter(pk=model.pk, published_at__isnull=True).update(published_at=timezone.now())
    model.refresh_from_db()
    return model


@transaction.atomic
def copy_as_new_version(model: RiskModel) -> RiskModel:
    """A draft copy of `model` with the next version number of its name, to be edited and published."""
    latest = RiskModel.objects.filter(name=model.name).aggregate(Max("version"))["version__max"] or 0
    copy = RiskModel.objects.create(
        name=model.name,
        version=latest + 1,
        description=model.description,
        normalisation=model.normalisation,
        aggregation=model.aggregation,
        classification=model.classification,
        min_coverage=model.min_coverage,
    )
    RiskComponent.objects.bulk_create(
        RiskComponent(model=copy, indicator_id=c.indicator_id, theme=c.theme, weight=c.weight)
        for c in model.components.all()
    )
    return copy
