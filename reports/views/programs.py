"""Program pages: the catalogue of each program with its city trends and its table by puskesmas.

Every logged-in user reads them (aggregates only; small sensitive counts hidden as accounts.access
says). The figures come from reports.analytics, which is why these views live in reports (imports
flow from programs to reports, never back) while keeping the "programs" URL namespace.
"""

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.access import sees_small_counts
from programs import queries
from programs.forms import ProgramFilterForm
from programs.models import Program
from reports import analytics, dashboards


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "programs/index.html", {"programs": queries.programs_with_counts()})


@require_GET
def detail(request: HttpRequest, code: str) -> HttpResponse:
    program = get_object_or_404(Program, code=code)
    form = ProgramFilterForm(request.GET)
    approved_only = form.approved_only()
    period = form.chosen_period() or dashboards.latest_period(approved_only=approved_only, today=timezone.localdate())
    catalogue = queries.program_catalogue(program=program)
    exact = partial(sees_small_counts, request.user)
    trend = analytics.city_trend(
        indicators=catalogue.indicators, end=period, months=form.trend_months(), approved_only=approved_only
    )
    table = dashboards.indicator_table(
        indicators=catalogue.indicators, period=period, approved_only=approved_only, sees_small_counts=exact
    )
    context = {
        "catalogue": catalogue,
        "form": form,
        "period": period,
        "approved_only": approved_only,
        "table": table,
        "cards": list(zip(catalogue.texts, table.city.cells, strict=True)),
        "months": form.trend_months(),
        "columns": [(i.name, "", i.definition) for i in catalogue.indicators],
        "chart": _chart_data(trend, catalogue.indicators, exact(None)),
    }
    return render(request, "programs/detail.html", context)


def _chart_data(trend: analytics.Trend, indicators: list, exact: bool) -> dict:
    """What static/programs/detail.js draws: per indicator its monthly values and targets, small
    sensitive counts left out (null) for those who may not see them."""
    series = {}
    for indicator in indicators:
        values = trend.values[indicator.code]
        hidden = [not exact and analytics.is_hidden_count(indicator, value) for value in values]
        series[indicator.code] = {
            "values": [
                None if h or v.value is None else round(v.value, 2) for v, h in zip(values, hidden, strict=True)
            ],
            "numerators": [None if h else v.numerator for v, h in zip(values, hidden, strict=True)],
            "denominators": [v.denominator for v in values],
            "hidden": hidden,
            "targets": [None if t is None else round(t, 2) for t in trend.targets[indicator.code]],
            "unit": indicator.unit,
        }
    return {
        "labels": [date_format(month, "M Y") for month in trend.months],
        "series": series,
        "text": {
            "city": _("Kota Semarang"),
            "target": _("Target"),
            "hidden": _("fewer than 5"),
            "notComputable": _("not computable"),
        },
    }
