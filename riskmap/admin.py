"""Admin of the risk models: drafts are edited with their components, published ones only read,
copied into a new version, or used; scores and computations are read-only."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from riskmap import actions
from riskmap.models import RiskComponent, RiskModel, RiskRun, RiskScore


class ComponentInline(admin.TabularInline):
    model = RiskComponent
    extra = 0
    autocomplete_fields = ["indicator"]

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and not (obj and obj.is_published)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)


@admin.register(RiskModel)
class RiskModelAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "normalisation", "aggregation", "classification", "min_coverage", "published_at"]
    list_filter = ["published_at"]
    inlines = [ComponentInline]
    actions = ["publish", "copy_as_new_version"]
    readonly_fields = ["published_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)

    @admin.action(description=_("Publish (the model can no longer change)"), permissions=["change"])
    def publish(self, request, queryset) -> None:
        drafts = [model for model in queryset if not model.is_published]
        for model in drafts:
            if not model.components.exists():
                self.message_user(request, _("%(model)s has no component.") % {"model": model}, messages.ERROR)
                return
        for model in drafts:
            actions.publish_model(model)
        self.message_user(request, ngettext("%d model published.", "%d models published.", len(drafts)) % len(drafts))

    @admin.action(description=_("Copy into a new draft version"), permissions=["add"])
    def copy_as_new_version(self, request, queryset) -> None:
        for model in queryset:
            copy = actions.copy_as_new_version(model)
            self.message_user(request, _("%(copy)s created as a draft.") % {"copy": copy})


@admin.register(RiskRun)
class RiskRunAdmin(admin.ModelAdmin):
    list_display = ["model", "period", "computed_at", "scored", "no_data", "seconds"]
    list_filter = ["model"]
    date_hierarchy = "period"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RiskScore)
class RiskScoreAdmin(admin.ModelAdmin):
    list_display = ["kelurahan", "model", "period", "score", "category", "rank", "coverage"]
    list_filter = ["model", "category"]
    search_fields = ["kelurahan__name", "kelurahan__code"]
    list_select_related = ["kelurahan", "model"]
    date_hierarchy = "period"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
