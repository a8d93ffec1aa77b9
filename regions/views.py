from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from regions import queries
from regions.forms import RegionSearchForm
from regions.models import Kelurahan, Puskesmas


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form = RegionSearchForm(request.GET)
    search = form.cleaned_data["q"] if form.is_valid() else ""
    year = queries.latest_population_year()
    rows = queries.kelurahan_with_puskesmas(on=timezone.localdate(), year=year or 0)
    if search:
        rows = rows.filter(
            Q(name__icontains=search)
            | Q(code__startswith=search)
            | Q(kecamatan__name__icontains=search)
            | Q(puskesmas_name__icontains=search)
        )
    context = {"form": form, "rows": rows, "search": search, "year": year}
    return render(request, "regions/index.html", context)


@require_GET
@gzip_page  # ~250 KB of boundaries shrink to ~70 KB; the response holds no secret (BREACH)
def map_data(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(queries.map_geojson(on=timezone.localdate()), content_type="application/geo+json")
    patch_cache_control(response, private=True, max_age=300)
    return response


@require_GET
def kelurahan_detail(request: HttpRequest, code: str) -> HttpResponse:
    kelurahan = get_object_or_404(Kelurahan.objects.select_related("kecamatan").defer("boundary"), code=code)
    areas = kelurahan.service_areas.select_related("puskesmas").order_by("-valid_from")
    context = {
        "kelurahan": kelurahan,
        "areas": areas,
        "current_area": next((a for a in areas if a.valid_to is None), None),
        "population": queries.population_table(kelurahan=Kelurahan.objects.filter(pk=kelurahan.pk)),
    }
    return render(request, "regions/kelurahan.html", context)


@require_GET
def puskesmas_detail(request: HttpRequest, code: str) -> HttpResponse:
    puskesmas = get_object_or_404(Puskesmas.objects.select_related("kecamatan", "address_kelurahan"), code=code)
    return render(request, "regions/puskesmas.html", puskesmas_context(puskesmas))


def puskesmas_context(puskesmas: Puskesmas) -> dict:
    """What the puskesmas page and a Kepala Puskesmas's home page show of her puskesmas."""
    year = queries.latest_population_year()
    area = queries.working_area(puskesmas=puskesmas, on=timezone.localdate(), year=year)
    return {
        "puskesmas": puskesmas,
        "area": area,
        "year": year,
        "population": queries.population_table(kelurahan=area),
    }
