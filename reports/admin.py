"""Monthly reports and their values in Django admin: read-only lists, and the long-format import/export.

Values and statuses change only through the portal's pages (entry, review) and the import, each
of which keeps the workflow's rules; the admin never edits them row by row. Everyone sees only the
puskesmas that accounts.access.puskesmas_for_user gives her (a Kepala Puskesmas: her own).
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin

from accounts.access import puskesmas_for_user
from reports.models import DataValue, MonthlyReport, ValidationRule
from reports.resources import DataValueResource


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(MonthlyReport)
class MonthlyReportAdmin(ReadOnlyAdmin):
    list_display = ("puskesmas", "month", "status", "version", "submitted_at", "reviewed_at", "updated_at")
    list_filter = ("status", ("puskesmas", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("puskesmas",)
    date_hierarchy = "period"
    search_fields = ("puskesmas__name", "puskesmas__code")

    def get_queryset(self, request: HttpRequest) -> QuerySet[MonthlyReport]:
        return super().get_queryset(request).filter(puskesmas__in=puskesmas_for_user(request.user))

    @admin.display(description=_("month"), ordering="period")
    def month(self, report: MonthlyReport) -> str:
        return f"{report.period:%Y-%m}"


@admin.register(DataValue)
class DataValueAdmin(ImportExportModelAdmin, ReadOnlyAdmin):
    resource_classes = [DataValueResource]
    list_display = ("report", "kelurahan", "data_element", "value", "updated_at")
    list_filter = ("report__status", "report__puskesmas", "data_element__program")
    list_select_related = ("report__puskesmas", "kelurahan", "data_element")
    date_hierarchy = "report__period"
    search_fields = ("kelurahan__name", "kelurahan__code", "data_element__code", "data_element__name")

    def get_queryset(self, request: HttpRequest) -> QuerySet[DataValue]:
        visible = puskesmas_for_user(request.user)
        return super().get_queryset(request).filter(report__puskesmas__in=visible).defer("kelurahan__boundary")

    def get_import_data_kwargs(self, **kwargs) -> dict:
        # The confirm step validates again: a row that turned bad since the preview rolls back the whole file.
        return super().get_import_data_kwargs(**kwargs) | {"rollback_on_validation_errors": True}


@admin.register(ValidationRule)
class ValidationRuleAdmin(admin.ModelAdmin):
    """Both sides are formulas like an indicator's, checked on save (ValidationRule.clean)."""

    list_display = ("code", "left", "operator", "right", "severity", "is_active")
    list_filter = ("severity", "is_active")
    list_editable = ("is_active",)
    search_fields = ("code", "left", "right", "message")
