from django.urls import path

from regions import views

app_name = "regions"
urlpatterns = [
    path("", views.index, name="index"),
    path("peta.geojson", views.map_data, name="map_data"),
    path("kelurahan/<str:code>/", views.kelurahan_detail, name="kelurahan"),
    path("puskesmas/<slug:code>/", views.puskesmas_detail, name="puskesmas"),
]
