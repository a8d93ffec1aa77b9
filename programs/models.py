"""The indicator catalogue: programs, the numbers puskesmas enter, and the indicators computed from them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from programs.expressions import Expression, ExpressionError, parse
from regions.models import Population


class Program(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"))
    objective = models.TextField(_("objective"))
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return self.name


class DataElementQuerySet(models.QuerySet):
    def active(self) -> DataElementQuerySet:
        return self.filter(is_active=True)


class DataElement(models.Model):
    """A number a puskesmas enters per kelurahan per month."""

    class Aggregation(models.TextChoices):
        SUM = "SUM", _("Sum over months (events: visits, births, cases)")
        LAST = "LAST", _("Last value (stocks: households with a latrine, JKN members)")

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Capitals, digits and _; used in formulas."),
        validators=[RegexValidator(r"^[A-Z][A-Z0-9_]*$", _("Use capitals, digits and _ only."))],
    )
    name = models.CharField(_("name"), max_length=200)
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="data_elements")
    unit = models.CharField(_("unit"), max_length=30, default="orang")
    aggregation = models.CharField(_("aggregation"), max_length=4, choices=Aggregation.choices, default="SUM")
    description = models.TextField(_("definition"), blank=True)
    is_required = models.BooleanField(_("required for submission"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DataElementQuerySet.as_manager()

    class Meta:
        ordering = ["program__order", "order", "code"]
        verbose_name = _("data element")
        verbose_name_plural = _("data elements")

    def __str__(self) -> str:
        return self.name


def population_groups() -> set[str]:
    return set(Population.Group.values)


def parse_formula(source: str) -> Expression:
    """Parses an indicator or rule formula against the catalogue; ValidationError in Indonesian."""
    codes = set(DataElement.objects.values_list("code", flat=True))
    try:
        return parse(source, codes=codes, populations=population_groups())
    except ExpressionError as error:
        raise ValidationError(formula_error_message(error), code=error.kind) from None


def formula_error_message(error: ExpressionError) -> str:
    messages = {
        "empty": _("The formula is empty."),
        "unexpected_char": _("Character %(text)s at position %(position)s is not allowed."),
        "unexpected_token": _("%(text)s at position %(position)s is not expected here."),
        "unexpected_end": _("The formula ends too early: an operand is missing."),
        "unclosed": _("The parenthesis at position %(position)s is never closed."),
        "unknown_code": _("There is no data element with code %(text)s."),
        "unknown_population": _("%(text)s is not a target population group."),
    }
    return str(messages[error.kind]) % {"text": error.text, "position": error.position + 1}


class Indicator(models.Model):
    """Computed, never entered: numerator / denominator x factor over a window of months."""

    class Window(models.TextChoices):
        MONTH = "MONTH", _("The month")
        YTD = "YTD", _("Year to date")
        ROLLING_12 = "ROLLING_12", _("Last 12 months")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    programs = models.ManyToManyField(Program, related_name="indicators", verbose_name=_("programs"))
    definition = models.TextField(_("definition"))
    numerator = models.CharField(_("numerator"), max_length=300)
    denominator = models.CharField(
        _("denominator"), max_length=300, blank=True, help_text=_("Empty: the indicator is a count.")
    )
    factor = models.PositiveIntegerField(_("factor"), default=100, help_text=_("100 for %, 1000 per mille."))
    unit = models.CharField(_("unit"), max_length=30, default="%")
    window = models.CharField(_("window"), max_length=10, choices=Window.choices, default=Window.YTD)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=2, null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    min_denominator = models.PositiveIntegerField(
        _("minimum denominator"), default=1, help_text=_("Below it the rate is not shown (too few to mean much).")
    )
    spm_service = models.PositiveSmallIntegerField(
        _("SPM service number"), null=True, blank=True, unique=True, help_text=_("1 to 12 for the SPM indicators.")
    )
    is_sensitive = models.BooleanField(
        _("small counts hidden"), default=False, help_text=_("Deaths, TB, HIV, ODGJ: counts below 5 shown as <5.")
    )
    source = models.CharField(_("source"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(spm_service__isnull=True) | models.Q(spm_service__range=(1, 12)),
                name="indicator_spm_service_1_to_12",
                violation_error_message=_("The SPM service number is between 1 and 12."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        for field in ("numerator", "denominator"):
            source = getattr(self, field)
            if source or field == "numerator":
                try:
                    parse_formula(source)
                except ValidationError as error:
                    errors[field] = error
        if errors:
            raise ValidationError(errors)

    def formulas(self) -> tuple[Expression, Expression | None]:
        numerator = parse(self.numerator)
        return numerator, parse(self.denominator) if self.denominator else None

    def rate(self, numerator: float | None, denominator: float | None) -> float | None:
        """The indicator's value from its aggregated parts; None when not computable."""
        if numerator is None:
            return None
        if not self.denominator:
            return numerator
        if denominator is None or denominator < self.min_denominator or denominator == 0:
            return None
        return numerator / denominator * self.factor
