"""The project's URLs plus the baselines the benchmarks compare against."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import path

from healthportal.urls import urlpatterns as project_urlpatterns

RAW_MAP_SQL = """
SELECT k.code, k.name, c.code, c.name, k.boundary,
       (SELECT p.name FROM regions_servicearea a JOIN regions_puskesmas p ON p.id = a.puskesmas_id
         WHERE a.kelurahan_id = k.id AND a.valid_from <= CURRENT_DATE
           AND (a.valid_to IS NULL OR a.valid_to >= CURRENT_DATE) LIMIT 1)
FROM regions_kelurahan k JOIN regions_kecamatan c ON c.id = k.kecamatan_id
WHERE k.boundary IS NOT NULL
"""


def minimal(request):
    return HttpResponse("ok")


def raw_map(request):
    """The kelurahan part of the map data straight from a cursor: the floor for the ORM version."""
    with connection.cursor() as cursor:
        cursor.execute(RAW_MAP_SQL)
        rows = cursor.fetchall()
    features = [
        {
            "type": "Feature",
            "geometry": boundary,
            "properties": {"code": code, "name": name, "kecamatan_code": kec, "kecamatan": kec_name, "puskesmas": pkm},
        }
        for code, name, kec, kec_name, boundary, pkm in rows
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


urlpatterns = [
    path("bench/minimal", minimal),
    path("bench/raw-map", raw_map),
    *project_urlpatterns,
]
