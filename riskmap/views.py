"""The risk map page, its data, the kelurahan panel, the table export, the comparison and the method.

Everyone with a role reads the map (city aggregates); counts of 1 to 4 of deaths, TB, HIV and
ODGJ are hidden as "<5" from those who may not see them (accounts.access.sees_small_counts).
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from accounts.access import sees_risk_map, sees_small_counts
from regions.models import Kelurahan, Puskesmas
from riskmap import details, exports, queries
from riskmap.forms import CompareForm, MapForm
from riskmap.models import RiskModel


def _checked(request: HttpRequest) -> None:
    if not sees_risk_map(request.user):
        raise PermissionDenied


def _chosen(form: MapForm) -> tuple[RiskModel, datetime.date, str]:
    """The model, month and theme of the query string; 404 when there is no model or no month yet."""
    model, period, theme = form.choice(queries.default_month)
    if model is None or period is None:
        raise Http404
    return model, period, theme


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    _checked(request)
    months = queries.reported_months()
    form = MapForm(request.GET)
    model, period, theme = form.choice(queries.default_month)
    run = queries.current_run(model=model, period=period) if model and period else None
    context = {
        "form": form,
        "months": months,
        "model": model,
        "period": period,
        "theme": theme,
        "run": run,
        "rows": queries.table(run=run, theme=theme) if run else [],
        "models": queries.published_models(),
        "config": queries.map_config(run=run, theme=theme) if run else None,
        "puskesmas": list(Puskesmas.objects.filter(lat__isnull=False, is_active=True).values("name", "lat", "lng")),
    }
    return render(request, "riskmap/index.html", context)


@require_GET
@gzip_page
def scores(request: HttpRequest) -> HttpResponse:
    """`/riskmap/api/scores.geojson?period=YYYY-MM[&model=ID][&theme=CODE]`"""
    _checked(request)
    form = MapForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": {k: [str(e) for e in v] for k, v in form.errors.items()}}, status=400)
    model, period, theme = _chosen(form)
    run = queries.current_run(model=model, period=period)
    body = queries.scores_geojson(run=run, theme=theme or None, public=not sees_small_counts(request.user))
    response = HttpResponse(body, content_type="application/geo+json")
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_GET
def kelurahan(request: HttpRequest, code: str) -> HttpResponse:
    """The panel of one kelurahan: a page of its own, or (`?partial=1`) the part the map shows."""
    _checked(request)
    place = get_object_or_404(Kelurahan.objects.select_related("kecamatan").defer("boundary"), code=code)
    model, period, _theme = _chosen(MapForm(request.GET))
    panel = details.kelurahan_panel(
        model=model, period=period, kelurahan=place, public=not sees_small_counts(request.user)
    )
    template = "riskmap/panel.html" if request.GET.get("partial") else "riskmap/kelurahan.html"
    context = {"panel": panel, "model": model, "period": period, "chart": details.trend_chart(panel.trend)}
    return render(request, template, context)


@require_GET
def export(request: HttpRequest, format: str) -> HttpResponse:
    _checked(request)
    model, period, theme = _chosen(MapForm(request.GET))
    run = queries.current_run(model=model, period=period)
    return exports.table_response(run=run, theme=theme, rows=queries.table(run=run, theme=theme), format=format)


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    _checked(request)
    months = queries.reported_months()
    form = CompareForm(request.GET)
    model, before, after = form.choice(months, queries.default_month)
    result = details.comparison(model=model, before=before, after=after) if model and before and after else None
    context = {
        "form": form,
        "months": months,
        "model": model,
        "comparison": result,
        "models": queries.published_models(),
    }
    return render(request, "riskmap/compare.html", context)


@require_GET
def method(request: HttpRequest) -> HttpResponse:
    _checked(request)
    model, _period, _theme = MapForm(request.GET).choice(lambda: None)
    context = {"model": model, "models": queries.published_models(), "themes": queries.model_themes(model)}
    return render(request, "riskmap/method.html", context)
