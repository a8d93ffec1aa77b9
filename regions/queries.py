"""Read functions for the region pages: each returns what one page shows in one or two queries."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, TextField
from django.db.models.functions import Cast
from django.urls import reverse

from regions.models import Kecamatan, Kelurahan, Population, Puskesmas, ServiceArea

Group = Population.Group


def _current_area(on: datetime.date) -> QuerySet[ServiceArea]:
    return ServiceArea.objects.on(on).filter(kelurahan=OuterRef("pk"))


def _population(group: str, year: int) -> Subquery:
    rows = Population.objects.filter(kelurahan=OuterRef("pk"), year=year, group=group)
    return Subquery(rows.values("value")[:1], output_field=IntegerField())


def kelurahan_with_puskesmas(*, on: datetime.date, year: int) -> QuerySet[Kelurahan]:
    """Every kelurahan with its kecamatan, the puskesmas serving it on `on` and its population."""
    area = _current_area(on)
    return (
        Kelurahan.objects.select_related("kecamatan")
        .defer("boundary")
        .annotate(
            puskesmas_code=Subquery(area.values("puskesmas__code")[:1]),
            puskesmas_name=Subquery(area.values("puskesmas__name")[:1]),
            area_is_provisional=Subquery(area.values("is_provisional")[:1]),
            penduduk=_population(Group.PENDUDUK, year),
        )
        .order_by("kecamatan__code", "name")
    )


def latest_population_year() -> int | None:
    return Population.objects.order_by("-year").values_list("year", flat=True).first()


def map_geojson(*, on: datetime.date) -> str:
    """The kelurahan boundaries and the puskesmas points as one GeoJSON FeatureCollection (text).

    The boundaries (~250 KB) are read as JSON text and spliced in unparsed: decoding and
    re-encoding them would cost three times the query.
    """
    kelurahan_url = reverse("regions:kelurahan", args=["CODE"])
    puskesmas_url = reverse("regions:puskesmas", args=["CODE"])
    area = _current_area(on)
    rows = (
        Kelurahan.objects.filter(boundary__isnull=False)
        .annotate(
            puskesmas_name=Subquery(area.values("puskesmas__name")[:1]),
            geometry=Cast("boundary", TextField()),
        )
        .values_list("code", "name", "kecamatan__code", "kecamatan__name", "puskesmas_name", "geometry")
    )
    features = [
        _feature(
            geometry,
            {
                "kind": "kelurahan",
                "code": code,
                "name": name,
                "kecamatan_code": kecamatan_code,
                "kecamatan": kecamatan,
                "puskesmas": puskesmas,
                "url": kelurahan_url.replace("CODE", code),
            },
        )
        for code, name, kecamatan_code, kecamatan, puskesmas, geometry in rows
    ]
    points = Puskesmas.objects.filter(lat__isnull=False).values(
        "code", "name", "lat", "lng", "is_active", "location_is_estimated", "kecamatan__name"
    )
    features += [
        _feature(
            json.dumps({"type": "Point", "coordinates": [p["lng"], p["lat"]]}),
            {
                "kind": "puskesmas",
                "code": p["code"],
                "name": p["name"],
                "kecamatan": p["kecamatan__name"],
                "is_active": p["is_active"],
                "location_is_estimated": p["location_is_estimated"],
                "url": puskesmas_url.replace("CODE", p["code"]),
            },
        )
        for p in points
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def _feature(geometry_json: str, properties: dict) -> str:
    return f'{{"type":"Feature","geometry":{geometry_json},"properties":{json.dumps(properties)}}}'


@dataclass(frozen=True)
class PopulationTable:
    """Target populations as rows of groups and columns of years; a missing figure is None."""

    years: list[int]
    rows: list[tuple[str, list[int | None]]]
    sources: list[str]


def population_table(*, kelurahan: QuerySet[Kelurahan], years: int = 3) -> PopulationTable:
    """Targets of the given kelurahan added up, for the most recent `years` years on record."""
    targets = Population.objects.filter(kelurahan__in=kelurahan)
    recent = list(targets.order_by("-year").values_list("year", flat=True).distinct()[:years])
    targets = targets.filter(year__in=recent)
    totals = {
        (row["group"], row["year"]): row["total"]
        for row in targets.values("group", "year").annotate(total=Sum("value")).order_by()
    }
    rows = [
        (label, [totals.get((group, year)) for year in recent])
        for group, label in Group.choices
        if any((group, year) in totals for year in recent)
    ]
    sources = sorted(targets.order_by().values_list("source", flat=True).distinct())
    return PopulationTable(years=recent, rows=rows, sources=sources)


def working_area(*, puskesmas: Puskesmas, on: datetime.date, year: int | None) -> QuerySet[Kelurahan]:
    """The kelurahan a puskesmas serves on `on`, with their population of `year`."""
    in_force = ServiceArea.objects.on(on).filter(puskesmas=puskesmas).values("kelurahan")
    return (
        Kelurahan.objects.filter(pk__in=in_force)
        .select_related("kecamatan")
        .defer("boundary")
        .annotate(
            penduduk=_population(Group.PENDUDUK, year or 0),
            balita=_population(Group.BALITA, year or 0),
            bumil=_population(Group.BUMIL, year or 0),
        )
        .order_by("name")
    )


def kecamatan_summary(*, year: int | None) -> list[Kecamatan]:
    """Each kecamatan with its number of kelurahan, active puskesmas and population of `year`
    (None where no kelurahan of it has a figure: not recorded is not zero)."""
    kecamatan = list(
        Kecamatan.objects.annotate(
            kelurahan_count=Count("kelurahan", distinct=True),
            puskesmas_count=Count("puskesmas", filter=Q(puskesmas__is_active=True), distinct=True),
        ).order_by("code")
    )
    totals = dict(
        Population.objects.filter(year=year or 0, group=Group.PENDUDUK)
        .values_list("kelurahan__kecamatan")
        .annotate(total=Sum("value"))
        .order_by()
    )
    for k in kecamatan:
        k.penduduk = totals.get(k.pk)
    return kecamatan


@dataclass(frozen=True)
class CitySummary:
    kecamatan: list[Kecamatan]

    @property
    def kelurahan_total(self) -> int:
        return sum(k.kelurahan_count for k in self.kecamatan)

    @property
    def puskesmas_total(self) -> int:
        return sum(k.puskesmas_count for k in self.kecamatan)

    @property
    def penduduk_total(self) -> int | None:
        """None when no kecamatan has a population figure: not recorded is not zero."""
        values = [k.penduduk for k in self.kecamatan if k.penduduk is not None]
        return sum(values) if values else None


def city_summary(*, year: int | None) -> CitySummary:
    return CitySummary(kecamatan=kecamatan_summary(year=year))


def provisional_area_count(*, on: datetime.date) -> int:
    return ServiceArea.objects.on(on).filter(is_provisional=True).count()
