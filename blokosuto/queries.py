"""Read functions of the BLOKOSUTO pages, and `recommended_practices` for the risk map.

Each runs a constant number of queries whatever the number of practices, reviews or replications.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils.formats import date_format

from accounts.access import manages_blokosuto, own_puskesmas
from accounts.models import User
from blokosuto import agenda, rubric
from blokosuto.models import (
    ClassSession,
    Comment,
    Evidence,
    GoodPractice,
    Measurement,
    Replication,
    Review,
    ThematicClass,
)
from blokosuto.models.practices import SEARCH_CONFIG
from blokosuto.models.reviews import CRITERION_QUESTIONS
from programs.models import Indicator
from regions.models import Kelurahan, Puskesmas, ServiceArea
from reports import analytics

Status = GoodPractice.Status
PAGE_SIZE = 20
Snapshot = dict[datetime.date, dict[tuple[int, str], analytics.IndicatorValue]]


# -- for the risk map --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    """A published practice worth copying where `indicators` are red."""

    practice_id: int
    title: str
    url: str
    class_code: str
    class_name: str
    unit_name: str
    category: str
    indicators: tuple[str, ...]  # the codes asked for that the practice is linked to
    improvement: float | None  # mean change of those indicators where applied, positive = better
    replications: int  # kelurahan replicating it (pilot or implemented)


def recommended_practices(*, indicator_codes: Collection[str], limit: int = 5) -> list[Recommendation]:
    """Published practices linked to any of `indicator_codes`, the best measured improvement of those
    indicators first (where applied and replicated; unknown last), then the most replicated.
    Two queries, whatever the number of codes or practices."""
    codes = sorted(set(indicator_codes))
    if not codes or limit < 1:
        return []
    links = GoodPractice.indicators.through.objects.filter(indicator__code__in=codes)
    practices = list(
        GoodPractice.objects.published()
        .filter(Exists(links.filter(goodpractice=OuterRef("pk"))))
        .select_related("thematic_class", "puskesmas")
        .ranked(indicator_codes=codes)[:limit]
    )
    matched = defaultdict(list)
    for practice_id, code in links.filter(goodpractice__in=practices).values_list("goodpractice_id", "indicator__code"):
        matched[practice_id].append(code)
    return [
        Recommendation(
            practice_id=p.pk,
            title=p.title,
            url=p.get_absolute_url(),
            class_code=p.thematic_class.code,
            class_name=p.thematic_class.name,
            unit_name=p.unit_name,
            category=p.category,
            indicators=tuple(sorted(matched[p.pk])),
            improvement=p.improvement,
            replications=p.replicated_in,
        )
        for p in practices
    ]


# -- before/after values -----------------------------------------------------------------------------


def indicator_snapshot(*, indicators: Sequence[Indicator], periods: Collection[datetime.date]) -> Snapshot:
    """Every kelurahan's values of `indicators` in each month, from the approved reports only."""
    return {
        period: analytics.indicator_values(
            indicators=indicators, period=period, level=analytics.Level.KELURAHAN, approved_only=True
        )
        for period in sorted(set(periods))
    }


@dataclass(frozen=True)
class MeasurementRow:
    measurement: Measurement
    place: str  # the replicating puskesmas, or "" where the practice itself was applied
    hidden: bool  # a small sensitive count the user may not see


# -- pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassCard:
    thematic_class: ThematicClass
    published: int
    in_review: int
    next_session: datetime.date | None


def class_overview(*, today: datetime.date) -> list[ClassCard]:
    """The nine classes with their counts and next session (two queries)."""
    classes = ThematicClass.objects.annotate(
        published=Count("practices", filter=Q(practices__status=Status.PUBLISHED), distinct=True),
        in_review=Count(
            "practices", filter=Q(practices__status__in=[Status.SUBMITTED, Status.IN_REVIEW]), distinct=True
        ),
        next_session=Min("sessions__date", filter=Q(sessions__date__gte=today)),
    ).prefetch_related("facilitators")
    return [ClassCard(c, c.published, c.in_review, c.next_session) for c in classes]


@dataclass
class ClassPage:
    thematic_class: ThematicClass
    facilitators: list[User]
    indicators: list[Indicator]
    practices: list[GoodPractice]  # published, ranked by effect then replications
    upcoming: list[ClassSession]
    past: list[ClassSession]
    calendar: list[agenda.Month]


def class_page(*, thematic_class: ThematicClass, today: datetime.date) -> ClassPage:
    """The class with its calendar, sessions and ranked published practices (four queries)."""
    sessions = list(
        thematic_class.sessions.select_related("facilitator").annotate(participant_count=Count("participants"))
    )
    practices = list(
        thematic_class.practices.published()
        .select_related("puskesmas__kecamatan")
        .ranked()
        .prefetch_related("indicators")
    )
    return ClassPage(
        thematic_class=thematic_class,
        facilitators=list(thematic_class.facilitators.order_by("first_name", "username")),
        indicators=list(thematic_class.indicators.order_by("order", "code")),
        practices=practices,
        upcoming=sorted((s for s in sessions if s.date >= today), key=lambda s: s.date),
        past=[s for s in sessions if s.date < today],
        calendar=agenda.month_grids([(s.pk, s.date) for s in sessions], today=today),
    )


def session_page(*, session: ClassSession) -> tuple[list, list]:
    """The session's participants and materials (two queries)."""
    return list(session.participants.all()), list(session.materials.all())


@dataclass
class PracticePage:
    practice: GoodPractice
    indicators: list[Indicator]
    kelurahan: list[Kelurahan]
    measurements: list[MeasurementRow]
    evidence: list[Evidence]
    reviews: list[Review]
    verdict: rubric.Verdict
    comments: list[Comment]
    replications: list[Replication]
    awards: list
    replicated_in: int
    chart: dict = field(default_factory=dict)


def practice_page(*, practice: GoodPractice, exact: Callable[[Puskesmas | None], bool]) -> PracticePage:
    """Everything the practice page shows (nine queries). `exact(puskesmas)`: whether the user sees
    small sensitive counts of that puskesmas's kelurahan (accounts.access.sees_small_counts)."""
    replications = list(
        practice.replications.select_related("puskesmas", "mentor").prefetch_related(
            Prefetch("kelurahan", queryset=Kelurahan.objects.defer("boundary").order_by("name"))
        )
    )
    measured = (
        practice.measurements.select_related("indicator", "replication__puskesmas")
        .defer("kelurahan__boundary")
        .select_related("kelurahan")
        .order_by("replication_id", "indicator__order", "kelurahan__name")
    )
    rows = []
    for m in measured:
        place = m.replication.puskesmas if m.replication_id else practice.puskesmas
        values = (m.before_value, m.after_value)
        hidden = not exact(place) and any(analytics.is_hidden_count(m.indicator, v) for v in values)
        rows.append(MeasurementRow(m, place.name if m.replication_id else "", hidden))
    reviews = list(practice.reviews.filter(round=practice.round).select_related("reviewer"))
    page = PracticePage(
        practice=practice,
        indicators=list(practice.indicators.order_by("order", "code")),
        kelurahan=list(practice.kelurahan.defer("boundary").order_by("name")),
        measurements=rows,
        evidence=list(practice.evidence.all()),
        reviews=reviews,
        verdict=rubric.verdict([r.scores for r in reviews]),
        comments=list(practice.comments.select_related("author")),
        replications=replications,
        awards=list(practice.awards.all()),
        replicated_in=len({k.pk for r in replications if r.is_counted for k in r.kelurahan.all()}),
    )
    page.chart = _chart(page)
    return page


def _chart(page: PracticePage) -> dict:
    """What static/blokosuto/practice.js draws: per indicator, before and after by kelurahan."""
    practice, series = page.practice, {}
    for row in page.measurements:
        m = row.measurement
        entry = series.setdefault(
            m.indicator.code,
            {"name": m.indicator.name, "unit": m.indicator.unit, "labels": [], "before": [], "after": []},
        )
        entry["labels"].append(f"{m.kelurahan.name} ({row.place})" if row.place else m.kelurahan.name)
        entry["before"].append(None if row.hidden or m.before is None else round(m.before, 2))
        entry["after"].append(None if row.hidden or m.after is None else round(m.after, 2))
    months = [practice.before_period, practice.after_period]
    labels = [date_format(month, "M Y") if month else "" for month in months]
    return {"series": series, "before": labels[0], "after": labels[1]}


def catalogue(*, filters: dict, page_number: int = 1) -> Page:
    """Published practices matching the search (Indonesian stemming, best match first) and filters;
    three queries per page (count, rows, their indicators)."""
    practices = (
        GoodPractice.objects.published()
        .select_related("thematic_class", "puskesmas__kecamatan")
        .with_effect()
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.only("code", "name", "order")))
    )
    if filters.get("kelas"):
        practices = practices.filter(thematic_class=filters["kelas"])
    if filters.get("tahap"):
        practices = practices.filter(stage=filters["tahap"])
    if filters.get("indikator"):
        practices = practices.filter(
            Exists(
                GoodPractice.indicators.through.objects.filter(
                    goodpractice=OuterRef("pk"), indicator=filters["indikator"]
                )
            )
        )
    if filters.get("kecamatan"):
        places = GoodPractice.kelurahan.through.objects.filter(
            goodpractice=OuterRef("pk"), kelurahan__kecamatan=filters["kecamatan"]
        )
        practices = practices.filter(Exists(places) | Q(puskesmas__kecamatan=filters["kecamatan"]))
    if filters.get("q"):
        query = SearchQuery(filters["q"], config=SEARCH_CONFIG, search_type="websearch")
        practices = practices.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
        practices = practices.order_by("-rank", "-published_at", "pk")
    else:
        practices = practices.order_by("-published_at", "pk")
    return Paginator(practices, PAGE_SIZE).get_page(page_number)


def practices_of_unit(*, user: User) -> QuerySet[GoodPractice]:
    """The practices of the user's own unit: her puskesmas's, or Dinkes teams' for Dinkes staff."""
    puskesmas = own_puskesmas(user)
    practices = GoodPractice.objects.select_related("thematic_class").order_by("-updated_at")
    if puskesmas:
        return practices.of_puskesmas(puskesmas.pk)
    if manages_blokosuto(user):
        return practices.of_dinkes_teams()
    return practices.none()


def review_queue(*, user: User) -> list[GoodPractice]:
    """Submissions waiting for the user: to score (a facilitator of their class who has not scored
    this round and took no part), or to decide and publish (Dinkes). Two queries."""
    waiting = GoodPractice.objects.filter(
        status__in=[Status.SUBMITTED, Status.IN_REVIEW, Status.ACCEPTED]
    ).select_related("thematic_class", "puskesmas")
    if manages_blokosuto(user):
        return list(waiting.order_by("submitted_at"))
    classes = list(user.facilitated_classes.all()) if user.is_active else []
    candidates = waiting.filter(thematic_class__in=classes, status__in=[Status.SUBMITTED, Status.IN_REVIEW])
    candidates = candidates.exclude(Q(created_by=user) | Q(submitted_by=user))
    if user.puskesmas_id:
        candidates = candidates.exclude(puskesmas_id=user.puskesmas_id)
    scored = Review.objects.filter(practice=OuterRef("pk"), reviewer=user, round=OuterRef("round"))
    return list(candidates.exclude(Exists(scored)).order_by("submitted_at"))


def mentors_for(*, practice: GoodPractice) -> QuerySet[User]:
    """Who can mentor a replication: the practice's puskesmas's people and its class's facilitators."""
    facilitators = practice.thematic_class.facilitators.values("pk")
    people = Q(pk__in=facilitators) | (Q(puskesmas=practice.puskesmas_id) if practice.puskesmas_id else Q())
    return User.objects.filter(people, is_active=True).order_by("first_name", "username")


def kelurahan_choices(*, puskesmas: Puskesmas | None, today: datetime.date) -> QuerySet[Kelurahan]:
    """The kelurahan a unit can name: a puskesmas's working area today, or the whole city for Dinkes."""
    kelurahan = Kelurahan.objects.defer("boundary").order_by("name")
    if puskesmas is None:
        return kelurahan
    return kelurahan.filter(pk__in=ServiceArea.objects.on(today).filter(puskesmas=puskesmas).values("kelurahan"))


def rubric_criteria() -> list[tuple[str, str]]:
    """(criterion, what it asks) in the rubric's order, for the published thresholds."""
    return [(Review._meta.get_field(c).verbose_name, CRITERION_QUESTIONS[c]) for c in rubric.CRITERIA]
