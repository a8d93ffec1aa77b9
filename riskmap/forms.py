"""Query strings of the risk map: `?period=2026-03&model=1&theme=gizi`, and two months to compare."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _

from programs.forms import parse_month
from riskmap.models import RiskModel, Theme


def latest_model() -> RiskModel | None:
    return RiskModel.objects.filter(published_at__isnull=False).order_by("-published_at").first()


class MapForm(forms.Form):
    period = forms.CharField(label=_("Month"), required=False, max_length=7)
    model = forms.ModelChoiceField(
        label=_("Model"),
        required=False,
        queryset=RiskModel.objects.filter(published_at__isnull=False),
        error_messages={"invalid_choice": _("There is no published risk model with that number.")},
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        choices=[("", _("All themes (the index)")), *Theme.choices],
        error_messages={"invalid_choice": _("There is no theme %(value)s.")},
    )

    def clean_period(self) -> datetime.date | None:
        return parse_month(self.cleaned_data["period"])

    def choice(self, default_period: Callable[[], datetime.date | None]):
        """The model, month and theme to show: those asked for when valid, else the latest published
        model, `default_period()` and the index itself."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        model = data.get("model") or latest_model()
        period = data.get("period") or default_period()
        return model, period, data.get("theme") or ""


class CompareForm(forms.Form):
    model = MapForm.base_fields["model"]
    before = forms.CharField(label=_("From"), required=False, max_length=7)
    after = forms.CharField(label=_("To"), required=False, max_length=7)

    def clean_before(self) -> datetime.date | None:
        return parse_month(self.cleaned_data["before"])

    def clean_after(self) -> datetime.date | None:
        return parse_month(self.cleaned_data["after"])

    def clean(self) -> dict:
        data = super().clean()
        if data.get("before") and data.get("after") and data["before"] >= data["after"]:
            self.add_error("after", _("Choose a later month than the first one."))
        return data

    def choice(self, months: list[datetime.date], default_after: Callable[[], datetime.date | None]):
        """The model and the two months: those asked for, else the default month and the month a
        year before it (or the earliest one with approved reports)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        model = data.get("model") or latest_model()
        after = data.get("after") or default_after()
        earlier = [month for month in months if after and month < after]
        before = data.get("before") or (earlier[min(len(earlier), 12) - 1] if earlier else None)
        if before and after and before >= after:
            before = earlier[0] if earlier else None
        return model, before, after
