from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role


class UserChangeForm(DjangoUserChangeForm):
    """Keeps a user's roles and puskesmas consistent: a Kepala Puskesmas has one, nobody else does."""

    def clean(self) -> dict:
        cleaned = super().clean()
        groups = cleaned.get("groups")
        if groups is None:
            return cleaned
        is_head = groups.filter(name=Role.KEPALA_PUSKESMAS).exists()
        if is_head and not cleaned.get("puskesmas"):
            self.add_error("puskesmas", _("A Kepala Puskesmas must be linked to her puskesmas."))
        if not is_head and cleaned.get("puskesmas"):
            self.add_error("puskesmas", _("Only a Kepala Puskesmas is linked to a puskesmas."))
        return cleaned


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Puskesmas"), {"fields": ("puskesmas",)}),
    )
    list_display = ("username", "first_name", "last_name", "puskesmas", "is_staff", "is_active")
    list_filter = ("groups", "is_staff", "is_active", "puskesmas__kecamatan")
    list_select_related = ("puskesmas",)
    autocomplete_fields = ("puskesmas",)
