from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from programs.models import DataElement, Indicator, Program


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order")
    search_fields = ("code", "name")


@admin.register(DataElement)
class DataElementAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "program", "unit", "aggregation", "is_required", "is_active", "order")
    list_filter = ("program", "aggregation", "is_required", "is_active")
    list_select_related = ("program",)
    search_fields = ("code", "name", "description")
    list_editable = ("order",)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """Formulas are checked on save (Indicator.clean): unknown codes or malformed formulas get a
    message naming the position, and nothing is stored."""

    list_display = ("code", "name", "numerator", "denominator", "factor", "window", "target", "spm_service")
    list_filter = ("programs", "window", "higher_is_better", "is_sensitive")
    search_fields = ("code", "name", "definition", "source")
    filter_horizontal = ("programs",)
    fieldsets = (
        (None, {"fields": ("code", "name", "programs", "definition", "source", "order")}),
        (_("Formula"), {"fields": ("numerator", "denominator", "factor", "unit", "window", "min_denominator")}),
        (_("Target"), {"fields": ("target", "higher_is_better", "spm_service", "is_sensitive")}),
    )
