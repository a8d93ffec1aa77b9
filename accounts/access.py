"""Who may see and change what: every access rule of the portal lives here.

Views, admin classes and imports ask these functions and never check ownership themselves.
A Kepala Puskesmas reaches only her own puskesmas: another's is answered with 404, so its
existence does not leak. Dinkes roles (Admin, Staf, Pimpinan) reach the whole city.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from accounts.roles import CITY_ROLES, Role
from regions.models import Puskesmas


def sees_whole_city(user: User) -> bool:
    return user.is_active and bool(user.roles & CITY_ROLES)


def _head_of(user: User) -> int | None:
    """The id of the puskesmas a Kepala Puskesmas works for (no query beyond her roles)."""
    if user.is_active and user.has_role(Role.KEPALA_PUSKESMAS):
        return user.puskesmas_id
    return None


def own_puskesmas(user: User) -> Puskesmas | None:
    """The puskesmas a Kepala Puskesmas works for; None for everyone else."""
    return user.puskesmas if _head_of(user) else None


def puskesmas_for_user(user: User) -> QuerySet[Puskesmas]:
    """The puskesmas whose reports the user may see: the city's, her own, or none."""
    if sees_whole_city(user):
        return Puskesmas.objects.all()
    own = _head_of(user)
    return Puskesmas.objects.filter(pk=own) if own else Puskesmas.objects.none()


def get_puskesmas_for_user(user: User, code: str) -> Puskesmas:
    """The puskesmas with `code` if the user may see it, else 404."""
    return get_object_or_404(puskesmas_for_user(user).select_related("kecamatan"), code=code)


def can_use_admin(user: User) -> bool:
    return user.is_active and user.is_staff


def can_review_reports(user: User) -> bool:
    """Staf Dinkes and Admin Dinkes approve, return and reopen monthly reports."""
    return user.is_active and user.has_perm("reports.review_monthlyreport")


def can_enter_reports(user: User, puskesmas: Puskesmas) -> bool:
    """Only a puskesmas's own head enters its numbers."""
    return _head_of(user) == puskesmas.pk and user.has_perm("reports.change_datavalue")


def sees_small_counts(user: User, puskesmas: Puskesmas | None = None) -> bool:
    """Whether small counts (1 to 4) of sensitive indicators (deaths, TB) of `puskesmas` (None: the
    city) are shown exactly rather than as "<5". Dinkes roles see them everywhere, a Kepala
    Puskesmas those of her own puskesmas, which she reported herself; nobody else."""
    return sees_whole_city(user) or (puskesmas is not None and _head_of(user) == puskesmas.pk)
