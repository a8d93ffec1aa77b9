from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from regions import resources
from regions.models import Kecamatan, Kelurahan, Population, Puskesmas, ServiceArea


@admin.register(Kecamatan)
class KecamatanAdmin(ImportExportModelAdmin):
    resource_classes = [resources.KecamatanResource]
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Kelurahan)
class KelurahanAdmin(ImportExportModelAdmin):
    resource_classes = [resources.KelurahanResource]
    list_display = ("code", "name", "kecamatan")
    list_filter = ("kecamatan",)
    list_select_related = ("kecamatan",)
    search_fields = ("code", "name")


@admin.register(Puskesmas)
class PuskesmasAdmin(ImportExportModelAdmin):
    resource_classes = [resources.PuskesmasResource]
    list_display = ("name", "code", "kecamatan", "is_active", "location_is_estimated")
    list_filter = ("is_active", "kecamatan")
    list_select_related = ("kecamatan",)
    search_fields = ("code", "name")
    autocomplete_fields = ("address_kelurahan",)


@admin.register(ServiceArea)
class ServiceAreaAdmin(ImportExportModelAdmin):
    resource_classes = [resources.ServiceAreaResource]
    list_display = ("kelurahan", "puskesmas", "valid_from", "valid_to", "is_provisional")
    list_filter = ("is_provisional", "puskesmas__kecamatan", "puskesmas")
    list_select_related = ("kelurahan", "puskesmas")
    search_fields = ("kelurahan__name", "kelurahan__code", "puskesmas__name")
    autocomplete_fields = ("kelurahan", "puskesmas")
    date_hierarchy = "valid_from"


@admin.register(Population)
class PopulationAdmin(ImportExportModelAdmin):
    resource_classes = [resources.PopulationResource]
    list_display = ("kelurahan", "year", "group", "value", "source")
    list_filter = ("year", "group", "kelurahan__kecamatan")
    list_select_related = ("kelurahan",)
    search_fields = ("kelurahan__name", "kelurahan__code")
    autocomplete_fields = ("kelurahan",)
