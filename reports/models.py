"""Monthly reports: one per puskesmas and month, its values per kelurahan, and the rules they must meet."""

from __future__ import annotations

import datetime

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import DataElement, parse_formula
from regions.models import Kelurahan, Puskesmas


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(period: datetime.date) -> datetime.date:
    return (period.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class MonthlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="reports")
    period = models.DateField(_("month"), help_text=_("The first day of the month reported."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Raised by every save (optimistic lock).")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-period", "puskesmas__name"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        permissions = [("review_monthlyreport", _("Can approve, return and reopen monthly reports"))]
        constraints = [
            models.UniqueConstraint(fields=["puskesmas", "period"], name="report_one_per_puskesmas_month"),
            models.CheckConstraint(condition=Q(period__day=1), name="report_period_first_of_month"),
        ]

    def __str__(self) -> str:
        return f"{self.puskesmas} {self.period:%Y-%m}"

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}

    @property
    def due_date(self) -> datetime.date:
        """The day the report is due: settings.REPORT_DUE_DAY of the following month."""
        return next_month(self.period).replace(day=settings.REPORT_DUE_DAY)

    @property
    def is_late(self) -> bool:
        """Submitted after the due day, or still not submitted once it has passed."""
        if self.submitted_at:
            return timezone.localdate(self.submitted_at) > self.due_date
        return timezone.localdate() > self.due_date


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class DataValue(models.Model):
    """One number of one kelurahan in one report. `value` NULL is "not reported"; 0 is zero."""

    report = models.ForeignKey(MonthlyReport, on_delete=models.CASCADE, related_name="values")
    kelurahan = models.ForeignKey(Kelurahan, on_delete=models.PROTECT, related_name="+")
    data_element = models.ForeignKey(DataElement, on_delete=models.PROTECT, related_name="values")
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    follow_up = models.BooleanField(_("follow up"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("data value")
        verbose_name_plural = _("data values")
        constraints = [
            models.UniqueConstraint(fields=["report", "kelurahan", "data_element"], name="value_one_per_cell"),
        ]
        indexes = [models.Index(fields=["data_element", "kelurahan"], name="value_cell_history")]

    def __str__(self) -> str:
        return f"{self.data_element.code} {self.kelurahan.code}: {self.value}"


class ValidationRule(models.Model):
    """`left operator right` must hold for every kelurahan of a report; formulas as in indicators."""

    class Operator(models.TextChoices):
        LE = "<=", "≤"
        LT = "<", "<"
        EQ = "==", "="
        GE = ">=", "≥"
        GT = ">", ">"

    class Severity(models.TextChoices):
        ERROR = "error", _("Error: blocks submission")
        WARNING = "warning", _("Warning: needs a comment")

    code = models.CharField(_("code"), max_length=40, unique=True)
    left = models.CharField(_("left side"), max_length=300)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("right side"), max_length=300)
    severity = models.CharField(_("severity"), max_length=7, choices=Severity.choices)
    message = models.CharField(_("message"), max_length=300, help_text=_("Shown next to the cells, in Indonesian."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self) -> str:
        return f"{self.left} {self.get_operator_display()} {self.right}"

    def clean(self) -> None:
        errors = {}
        for field in ("left", "right"):
            try:
                parse_formula(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)
