"""Query strings of the indicator pages (program pages, SPM scorecard)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

APPROVED = "approved"


def parse_month(text: str) -> datetime.date | None:
    """ "2026-03" -> 1 March 2026; "" -> None; a month that is not one, or has not begun, is an error."""
    if not text:
        return None
    try:
        period = datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise forms.ValidationError(_("Enter a month as YEAR-MONTH, for example 2026-03.")) from None
    if period.year < 2000 or period > timezone.localdate():
        raise forms.ValidationError(_("Choose a month that has already begun."))
    return period


class IndicatorFilterForm(forms.Form):
    """`?period=2026-03&data=approved`: the month shown, and whether submitted reports count too."""

    period = forms.CharField(label=_("Month"), required=False, max_length=7)
    data = forms.ChoiceField(
        label=_("Data"),
        required=False,
        choices=[("", _("Submitted and approved reports")), (APPROVED, _("Approved reports only"))],
    )

    def clean_period(self) -> datetime.date | None:
        return parse_month(self.cleaned_data["period"])

    def chosen_period(self) -> datetime.date | None:
        """The month asked for; None when none was, or it was not a valid month (the error is shown)."""
        self.is_valid()
        return self.cleaned_data.get("period")

    def approved_only(self) -> bool:
        self.is_valid()
        return self.cleaned_data.get("data") == APPROVED


class ProgramFilterForm(IndicatorFilterForm):
    months = forms.TypedChoiceField(
        label=_("Trend"),
        required=False,
        coerce=int,
        empty_value=12,
        choices=[(12, _("last 12 months")), (24, _("last 24 months"))],
    )

    def trend_months(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("months") or 12
