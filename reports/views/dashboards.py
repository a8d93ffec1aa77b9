"""The completeness board (who reported which month, on time or late) and the SPM scorecard.

The board is for those who see the whole city; a Kepala Puskesmas sees her own row against the
city's rates. The scorecard shows aggregates only, so every logged-in user reads it.
"""

from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.access import own_puskesmas, sees_small_counts, sees_whole_city
from healthportal.spreadsheets import SafeXLSX
from programs.forms import IndicatorFilterForm
from programs.models import Indicator
from reports import dashboards

FIRST_YEAR = 2020


class CompletenessFilterForm(forms.Form):
    """`?year=2026&kecamatan=33.74.01&format=xlsx`"""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR)
    kecamatan = forms.CharField(label=_("Kecamatan"), required=False, max_length=8)
    format = forms.ChoiceField(required=False, choices=[("", "HTML"), ("xlsx", "XLSX")])

    def clean_year(self) -> int | None:
        year = self.cleaned_data["year"]
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Choose a year that has already begun."))
        return year

    def value(self, name: str, default=None):
        self.is_valid()
        return self.cleaned_data.get(name) or default


@require_GET
def completeness(request: HttpRequest) -> HttpResponse:
    only = own_puskesmas(request.user)
    if not (only or sees_whole_city(request.user)):
        raise PermissionDenied
    today = timezone.localdate()
    form = CompletenessFilterForm(request.GET)
    year = form.value("year", today.year)
    board = dashboards.completeness_board(year=year, kecamatan_code=form.value("kecamatan", ""), only=only, today=today)
    if form.value("format") == "xlsx":
        response = HttpResponse(
            SafeXLSX().export_data(dashboards.board_dataset(board)), content_type=SafeXLSX.CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="kelengkapan-laporan-{year}.xlsx"'
        return response
    years = range(today.year, FIRST_YEAR - 1, -1)
    context = {"board": board, "form": form, "only": only, "years": years, "due_day": settings.REPORT_DUE_DAY}
    return render(request, "reports/completeness.html", context)


@require_GET
def scorecard(request: HttpRequest) -> HttpResponse:
    form = IndicatorFilterForm(request.GET)
    approved_only = form.approved_only()
    period = form.chosen_period() or dashboards.latest_period(approved_only=approved_only, today=timezone.localdate())
    indicators = list(Indicator.objects.filter(spm_service__isnull=False).order_by("spm_service"))
    table = dashboards.indicator_table(
        indicators=indicators,
        period=period,
        approved_only=approved_only,
        sees_small_counts=partial(sees_small_counts, request.user),
    )
    # Column headings: the service number, and who receives it (its name up to "mendapat").
    columns = [(f"SPM {i.spm_service}", i.name.split(" mendapat")[0], i.name) for i in indicators]
    context = {
        "form": form,
        "table": table,
        "indicators": indicators,
        "columns": columns,
        "approved_only": approved_only,
    }
    return render(request, "reports/scorecard.html", context)
