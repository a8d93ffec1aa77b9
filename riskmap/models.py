"""The risk index: its specification (RiskModel, RiskComponent) and its results (RiskRun, RiskScore).

A model is edited while it is a draft and frozen once published: database triggers refuse any
change to a published model or its components, so every past map can be reproduced. Scores are
kept per model and month; a RiskRun records when they were computed and from which data.
"""

from __future__ import annotations

import pgtrigger
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from programs.models import Indicator
from regions.models import Kelurahan
from riskmap import scoring

_REFUSE_CHANGE_OF_PUBLISHED_COMPONENT = """
    IF EXISTS (
        SELECT 1 FROM riskmap_riskmodel
        WHERE published_at IS NOT NULL
          AND id IN (
            (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.model_id END),
            (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.model_id END))
    ) THEN
        RAISE EXCEPTION 'A published risk model cannot be changed: copy it into a new version.';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
"""


class Theme(models.TextChoices):
    KIA = "kia", _("Maternal and child health")
    GIZI = "gizi", _("Nutrition and stunting")
    MENULAR = "menular", _("Communicable diseases")
    PTM_JIWA = "ptm_jiwa", _("Non-communicable diseases and mental health")
    LINGKUNGAN = "lingkungan", _("Environmental health")
    AKSES = "akses", _("Access to services")


class Category(models.IntegerChoices):
    NO_DATA = scoring.NO_DATA, _("Too little data")
    VERY_LOW = 1, _("Very low")
    LOW = 2, _("Low")
    MEDIUM = 3, _("Medium")
    HIGH = 4, _("High")
    VERY_HIGH = 5, _("Very high")


class RiskModel(models.Model):
    class Normalisation(models.TextChoices):
        PERCENTILE = scoring.PERCENTILE, _("Percentile rank among the city's kelurahan")
        DISTANCE_TO_TARGET = scoring.DISTANCE_TO_TARGET, _("Distance to the target (min-max)")

    class Aggregation(models.TextChoices):
        ARITHMETIC = scoring.ARITHMETIC, _("Arithmetic mean of the themes")
        GEOMETRIC = scoring.GEOMETRIC, _("Geometric mean of the themes")

    class Classification(models.TextChoices):
        FIXED = scoring.FIXED, _("Fixed cut-offs 0.2 / 0.4 / 0.6 / 0.8")
        QUANTILE = scoring.QUANTILE, _("Quintiles of the scored kelurahan")

    name = models.CharField(_("name"), max_length=120)
    version = models.PositiveIntegerField(_("version"), default=1)
    description = models.TextField(_("description"), blank=True)
    normalisation = models.CharField(
        _("normalisation"), max_length=20, choices=Normalisation.choices, default=Normalisation.PERCENTILE
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=20, choices=Aggregation.choices, default=Aggregation.ARITHMETIC
    )
    classification = models.CharField(
        _("classification"), max_length=20, choices=Classification.choices, default=Classification.FIXED
    )
    min_coverage = models.DecimalField(
        _("minimum coverage"),
        max_digits=3,
        decimal_places=2,
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Share of the components' weight a kelurahan needs data for; below it: data kurang."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "name", "-version"]
        verbose_name = _("risk model")
        verbose_name_plural = _("risk models")
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="riskmodel_one_per_name_version"),
            models.CheckConstraint(
                condition=models.Q(min_coverage__gte=0, min_coverage__lte=1), name="riskmodel_coverage_0_to_1"
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="published_riskmodel_frozen",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__published_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def method(self) -> scoring.Method:
        return scoring.Method(self.normalisation, self.aggregation, self.classification, float(self.min_coverage))


class RiskComponent(models.Model):
    model = models.ForeignKey(RiskModel, on_delete=models.CASCADE, related_name="components")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("indicator"))
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0.01)]
    )

    class Meta:
        ordering = ["theme", "indicator__order"]
        verbose_name = _("risk component")
        verbose_name_plural = _("risk components")
        constraints = [
            models.UniqueConstraint(fields=["model", "indicator"], name="riskcomponent_indicator_once"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="riskcomponent_weight_positive"),
        ]
        triggers = [
            pgtrigger.Trigger(
                name="published_riskcomponent_frozen",
                operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
                when=pgtrigger.Before,
                func=_REFUSE_CHANGE_OF_PUBLISHED_COMPONENT,
            )
        ]

    def __str__(self) -> str:
        return f"{self.model}: {self.indicator.code}"

    def as_component(self) -> scoring.Component:
        target = self.indicator.target
        return scoring.Component(
            self.indicator.code,
            self.theme,
            float(self.weight),
            self.indicator.higher_is_better,
            None if target is None else float(target),
        )


class RiskRun(models.Model):
    """One computation of a model's scores for a month, and the state of the data it used."""

    model = models.ForeignKey(RiskModel, on_delete=models.CASCADE, related_name="runs")
    period = models.DateField(_("month"))
    computed_at = models.DateTimeField(_("computed at"))
    data_stamp = models.CharField(_("data stamp"), max_length=200)
    scored = models.PositiveIntegerField(_("kelurahan scored"))
    no_data = models.PositiveIntegerField(_("kelurahan with too little data"))
    cuts = models.JSONField(_("class limits"), default=list)
    seconds = models.FloatField(_("seconds"))

    class Meta:
        ordering = ["-period"]
        verbose_name = _("risk computation")
        verbose_name_plural = _("risk computations")
        constraints = [models.UniqueConstraint(fields=["model", "period"], name="riskrun_one_per_model_month")]

    def __str__(self) -> str:
        return f"{self.model} {self.period:%Y-%m}"


class RiskScore(models.Model):
    """A kelurahan's index for one model and month, with the parts that explain it.

    `parts`: one object per indicator with a rate (indicator, theme, rate, numerator, denominator,
    normalised, contribution, flagged); `public_parts`: the same with counts of 1 to 4 of sensitive
    indicators replaced by "<5", or null when nothing needs hiding. `themes`: theme -> score,
    category and rank among the kelurahan.
    """

    model = models.ForeignKey(RiskModel, on_delete=models.CASCADE, related_name="scores")
    period = models.DateField(_("month"))
    kelurahan = models.ForeignKey(Kelurahan, on_delete=models.CASCADE, related_name="risk_scores")
    score = models.FloatField(_("score"), null=True, blank=True)
    category = models.PositiveSmallIntegerField(_("class"), choices=Category.choices)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    coverage = models.FloatField(_("coverage"))
    flags = models.JSONField(_("flags"), default=list)
    themes = models.JSONField(_("themes"), default=dict)
    parts = models.JSONField(_("parts"), default=list)
    public_parts = models.JSONField(_("parts without small counts"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("risk score")
        verbose_name_plural = _("risk scores")
        constraints = [
            models.UniqueConstraint(fields=["model", "period", "kelurahan"], name="riskscore_one_per_kelurahan"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=1),
                name="riskscore_score_0_to_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kelurahan_id} {self.period:%Y-%m}: {self.score}"
