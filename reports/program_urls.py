"""URLs of the program pages (/program/), under the "programs" namespace: the views live in reports
because they show report figures, and imports flow from programs to reports, never back."""

from django.urls import path

from reports.views import programs as views

app_name = "programs"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:code>/", views.detail, name="detail"),
]
