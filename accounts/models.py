from __future__ import annotations

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


class User(AbstractUser):
    """A portal user. A Kepala Puskesmas is tied to her puskesmas; Dinkes staff to none."""

    puskesmas = models.ForeignKey(
        "regions.Puskesmas",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("puskesmas"),
        help_text=_("Required for a Kepala Puskesmas: the puskesmas she reports for."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @cached_property
    def roles(self) -> frozenset[Role]:
        """The user's roles (her groups that are roles); a superuser counts as Admin Dinkes."""
        names = {group.name for group in self.groups.all()}
        roles = {role for role in Role if role.value in names}
        if self.is_superuser:
            roles.add(Role.ADMIN_DINKES)
        return frozenset(roles)

    def has_role(self, role: Role) -> bool:
        return role in self.roles
