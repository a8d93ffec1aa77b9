"""Kota Semarang's administrative regions, its puskesmas, their working areas and yearly targets.

Codes are Kemendagri codes (`33.74.01`, `33.74.01.1001`), never BPS codes: see regions/codes.py.
"""

from __future__ import annotations

import datetime

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.utils.translation import gettext_lazy as _

from regions.codes import validate_kecamatan_code, validate_kelurahan_code


class Kecamatan(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True, validators=[validate_kecamatan_code])
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def __str__(self) -> str:
        return self.name


class Kelurahan(models.Model):
    code = models.CharField(_("code"), max_length=13, unique=True, validators=[validate_kelurahan_code])
    name = models.CharField(_("name"), max_length=100)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="kelurahan", verbose_name=_("kecamatan")
    )
    boundary = models.JSONField(
        _("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry (Polygon or MultiPolygon), lng/lat.")
    )
    centroid_lat = models.FloatField(_("centroid latitude"), null=True, blank=True)
    centroid_lng = models.FloatField(_("centroid longitude"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kelurahan")
        verbose_name_plural = _("kelurahan")

    def __str__(self) -> str:
        return self.name


class PuskesmasQuerySet(models.QuerySet):
    def active(self) -> PuskesmasQuerySet:
        return self.filter(is_active=True)


class Puskesmas(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="puskesmas", verbose_name=_("kecamatan")
    )
    address_kelurahan = models.ForeignKey(
        Kelurahan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kelurahan of the address"),
    )
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lng = models.FloatField(_("longitude"), null=True, blank=True)
    location_is_estimated = models.BooleanField(
        _("location is estimated"),
        default=True,
        help_text=_("The point is the centre of a kelurahan, not a surveyed position."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = PuskesmasQuerySet.as_manager()

    class Meta:
        ordering = ["kecamatan__code", "name"]
        verbose_name = _("puskesmas")
        verbose_name_plural = _("puskesmas")

    def __str__(self) -> str:
        return self.name


class ServiceAreaQuerySet(models.QuerySet):
    def on(self, day: datetime.date) -> ServiceAreaQuerySet:
        """The rows in force on `day`: at most one per kelurahan (the exclusion constraint)."""
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)


class DateRange(Func):
    function = "daterange"
    output_field = DateRangeField()


class ServiceArea(models.Model):
    """A kelurahan belongs to a puskesmas's working area (wilayah kerja) from one day to another.

    Effective-dated so that a change of area never rewrites the history of earlier reports:
    a new assignment closes the open one (regions.actions.assign_kelurahan).
    """

    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, related_name="service_areas", verbose_name=_("kelurahan")
    )
    puskesmas = models.ForeignKey(
        Puskesmas, on_delete=models.PROTECT, related_name="service_areas", verbose_name=_("puskesmas")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True, help_text=_("Empty: still in force."))
    is_provisional = models.BooleanField(
        _("provisional"),
        default=False,
        help_text=_("Derived by the loader (nearest puskesmas), not yet confirmed by Dinkes."),
    )

    objects = ServiceAreaQuerySet.as_manager()

    class Meta:
        ordering = ["kelurahan__code", "valid_from"]
        verbose_name = _("working area")
        verbose_name_plural = _("working areas")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="service_area_valid_to_after_from",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            ExclusionConstraint(
                name="service_area_no_overlap",
                expressions=[
                    ("kelurahan", RangeOperators.EQUAL),
                    (DateRange("valid_from", "valid_to", models.Value("[]")), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("This kelurahan already belongs to a puskesmas in that period."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kelurahan} → {self.puskesmas} ({self.valid_from}–{self.valid_to or '…'})"

    def close_open_predecessor(self) -> None:
        """Ends the kelurahan's open row that began earlier on the day before this row begins."""
        if self.kelurahan_id and self.valid_from:
            ServiceArea.objects.filter(
                kelurahan_id=self.kelurahan_id, valid_to__isnull=True, valid_from__lt=self.valid_from
            ).exclude(pk=self.pk).update(valid_to=self.valid_from - datetime.timedelta(days=1))


class Population(models.Model):
    """A yearly target population (sasaran) of a kelurahan: the denominators of indicators."""

    class Group(models.TextChoices):
        PENDUDUK = "penduduk", _("Total population")
        BUMIL = "bumil", _("Pregnant women")
        BULIN = "bulin", _("Women giving birth")
        LAHIR_HIDUP = "lahir_hidup", _("Live births")
        BAYI = "bayi", _("Infants (0–11 months)")
        BADUTA = "baduta", _("Children under two")
        BALITA = "balita", _("Children under five")
        USIA_DIKDAS = "usia_dikdas", _("Basic-education age (7–15)")
        USIA_PRODUKTIF = "usia_produktif", _("Productive age (15–59)")
        LANSIA = "lansia", _("Older people (60+)")
        HIPERTENSI = "hipertensi", _("Estimated people with hypertension (15+)")
        DM = "dm", _("Estimated people with diabetes (15+)")
        ODGJ_BERAT = "odgj_berat", _("Estimated people with severe mental disorder")

    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, related_name="populations", verbose_name=_("kelurahan")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    value = models.PositiveIntegerField(_("value"))
    source = models.CharField(_("source"), max_length=200, help_text=_("Where the figure comes from."))

    class Meta:
        ordering = ["kelurahan__code", "-year", "group"]
        verbose_name = _("target population")
        verbose_name_plural = _("target populations")
        constraints = [
            models.UniqueConstraint(
                fields=["kelurahan", "year", "group"],
                name="population_unique_per_kelurahan_year_group",
                violation_error_message=_("This kelurahan already has a figure for that year and group."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="population_plausible_year",
                violation_error_message=_("The year must be between 2000 and 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kelurahan} {self.year} {self.get_group_display()}: {self.value}"
