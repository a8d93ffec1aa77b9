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


RAW_RISK_SQL = """
SELECT k.code, k.name, c.name,
       (SELECT p.name FROM regions_servicearea a JOIN regions_puskesmas p ON p.id = a.puskesmas_id
         WHERE a.kelurahan_id = k.id AND a.valid_from <= s.period
           AND (a.valid_to IS NULL OR a.valid_to >= s.period) LIMIT 1),
       s.score, s.category, s.rank, s.coverage, k.boundary, s.flags, s.themes, s.parts
FROM riskmap_riskscore s JOIN regions_kelurahan k ON k.id = s.kelurahan_id
     JOIN regions_kecamatan c ON c.id = k.kecamatan_id
WHERE s.period = %s AND s.model_id = (SELECT max(id) FROM riskmap_riskmodel WHERE published_at IS NOT NULL
                                      AND name = 'Indeks Risiko Kesehatan Kelurahan')
ORDER BY k.code
"""
RISK_KEYS = ["code", "name", "kecamatan", "puskesmas", "score", "category", "rank", "coverage"]


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


def raw_risk(request):
    """The risk map's rows straight from a cursor, JSON decoded and encoded by the driver and Django."""
    with connection.cursor() as cursor:
        cursor.execute(RAW_RISK_SQL, [request.GET["period"] + "-01"])
        rows = cursor.fetchall()
    features = [
        {
            "type": "Feature",
            "geometry": row[8],
            "properties": {
                **dict(zip(RISK_KEYS, row[:8], strict=True)),
                "flags": row[9],
                "themes": row[10],
                "parts": row[11],
            },
        }
        for row in rows
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


urlpatterns = [
    path("bench/minimal", minimal),
    path("bench/raw-map", raw_map),
    path("bench/raw-risk", raw_risk),
    *project_urlpatterns,
]
