from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.access import own_puskesmas, sees_whole_city
from accounts.roles import Role
from regions import queries
from regions.models import Kelurahan
from regions.views import puskesmas_context
from reports import queries as report_queries


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each role's start page: her puskesmas for a Kepala Puskesmas, the city for everyone else."""
    puskesmas = own_puskesmas(request.user)
    today = timezone.localdate()
    if puskesmas:
        months = report_queries.months_of(puskesmas=puskesmas, until=today, count=3)
        return render(request, "home/puskesmas.html", puskesmas_context(puskesmas) | {"months": months})
    if not (sees_whole_city(request.user) or request.user.has_role(Role.FASILITATOR)):
        return render(request, "home/no_role.html")
    year = queries.latest_population_year()
    context = {
        "waiting_for_review": report_queries.review_queue().count(),
        "year": year,
        "city": queries.city_summary(year=year),
        "population": queries.population_table(kelurahan=Kelurahan.objects.all(), years=1),
        "provisional_count": queries.provisional_area_count(on=today),
    }
    return render(request, "home/city.html", context)


@require_GET
@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"db": "unavailable"}, status=503)
    return JsonResponse({"db": "ok"})
