from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from healthportal import views

admin.site.site_header = _("healthportal administration")
admin.site.site_title = "healthportal"
admin.site.index_title = _("Dinkes Kota Semarang")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("akun/", include("accounts.urls")),
    path("wilayah/", include("regions.urls")),
    path("laporan/", include("reports.urls")),
    # Program pages show report figures, so they live with the reports (imports flow one way).
    path("program/", include("reports.program_urls")),
    path("riskmap/", include("riskmap.urls")),
    path("blokosuto/", include("blokosuto.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
