"""BLOKOSUTO in Django admin, for Staf and Admin Dinkes.

The classes (with their facilitators and indicators) and the sessions are managed here; the classes
import and export keyed on their code. Practices, reviews and replications change only through the
portal's workflow (which keeps its rules), so here they are read and exported. Files are never
uploaded through the admin, since only the portal's forms check their content.
"""

from django.contrib import admin
from django.http import HttpRequest
from import_export.admin import ExportMixin, ImportExportModelAdmin

from blokosuto import resources
from blokosuto.models import (
    Award,
    ClassSession,
    Comment,
    Evidence,
    GoodPractice,
    Measurement,
    Replication,
    Review,
    SessionMaterial,
    SessionParticipant,
    ThematicClass,
)


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ThematicClass)
class ThematicClassAdmin(ImportExportModelAdmin):
    resource_classes = [resources.ThematicClassResource]
    list_display = ("name", "theme", "code", "order")
    filter_horizontal = ("facilitators", "indicators")
    search_fields = ("name", "theme", "code")


class ParticipantInline(admin.TabularInline):
    model = SessionParticipant
    extra = 1


class MaterialInline(ReadOnlyMixin, admin.TabularInline):
    model = SessionMaterial
    fields = ("display_name", "kind", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    extra = 0


@admin.register(ClassSession)
class ClassSessionAdmin(admin.ModelAdmin):
    list_display = ("date", "thematic_class", "topic", "venue", "facilitator")
    list_filter = ("thematic_class",)
    list_select_related = ("thematic_class", "facilitator")
    date_hierarchy = "date"
    search_fields = ("topic", "venue", "notes")
    autocomplete_fields = ("facilitator",)
    inlines = [ParticipantInline, MaterialInline]
    exclude = ("created_by",)

    def save_model(self, request: HttpRequest, obj: ClassSession, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(GoodPractice)
class GoodPracticeAdmin(ExportMixin, ReadOnlyMixin, admin.ModelAdmin):
    resource_classes = [resources.GoodPracticeResource]
    list_display = ("title", "thematic_class", "puskesmas", "status", "category", "stage", "published_at")
    list_filter = ("status", "category", "stage", "thematic_class")
    list_select_related = ("thematic_class", "puskesmas")
    search_fields = ("title", "team", "problem")
    exclude = ("search_vector",)


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("practice", "replication", "indicator", "kelurahan", "before", "after", "improvement")
    list_filter = ("indicator",)
    list_select_related = ("practice", "replication__puskesmas", "indicator", "kelurahan")
    search_fields = ("practice__title", "kelurahan__name")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).defer("kelurahan__boundary")


class FileAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("display_name", "kind", "size", "uploaded_by", "uploaded_at")
    list_filter = ("kind",)
    exclude = ("file",)


@admin.register(Evidence)
class EvidenceAdmin(FileAdmin):
    list_display = ("display_name", "practice", "kind", "size", "uploaded_by", "uploaded_at")
    list_select_related = ("practice", "uploaded_by")


@admin.register(SessionMaterial)
class SessionMaterialAdmin(FileAdmin):
    list_display = ("display_name", "session", "kind", "size", "uploaded_by", "uploaded_at")
    list_select_related = ("session__thematic_class", "uploaded_by")


@admin.register(Review)
class ReviewAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("practice", "reviewer", "round", "relevance", "effectiveness", "equity", "sustainability")
    list_select_related = ("practice", "reviewer")
    search_fields = ("practice__title", "comment")


@admin.register(Comment)
class CommentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("practice", "author", "step", "created_at")
    list_filter = ("step",)
    list_select_related = ("practice", "author")
    search_fields = ("practice__title", "text")


@admin.register(Replication)
class ReplicationAdmin(ExportMixin, ReadOnlyMixin, admin.ModelAdmin):
    resource_classes = [resources.ReplicationResource]
    list_display = ("practice", "puskesmas", "status", "started_on", "updated_at")
    list_filter = ("status",)
    list_select_related = ("practice", "puskesmas")
    search_fields = ("practice__title", "puskesmas__name")


@admin.register(Award)
class AwardAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Awards are given on the practice's page, to published practices only."""

    list_display = ("name", "practice", "recipient", "awarded_on", "awarded_by")
    list_select_related = ("practice", "awarded_by")
    search_fields = ("name", "practice__title", "citation")
