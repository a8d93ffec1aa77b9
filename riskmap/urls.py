from django.urls import path

from riskmap import views

app_name = "riskmap"

urlpatterns = [
    path("", views.index, name="index"),
    path("api/scores.geojson", views.scores, name="scores"),
    path("kelurahan/<str:code>/", views.kelurahan, name="kelurahan"),
    path("tabel.csv", views.export, {"format": "csv"}, name="export_csv"),
    path("tabel.xlsx", views.export, {"format": "xlsx"}, name="export_xlsx"),
    path("banding/", views.compare, name="compare"),
    path("metode/", views.method, name="method"),
]
