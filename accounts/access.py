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


def sees_risk_map(user: User) -> bool:
    """The risk map shows aggregates of the whole city: every role reads it (small counts hidden)."""
    return user.is_active and bool(user.roles)


def sees_small_counts(user: User, puskesmas: Puskesmas | None = None) -> bool:
    """Whether small counts (1 to 4) of sensitive indicators (deaths, TB) of `puskesmas` (None: the
    city) are shown exactly rather than as "<5". Dinkes roles see them everywhere, a Kepala
    Puskesmas those of her own puskesmas, which she reported herself; nobody else."""
    return sees_whole_city(user) or (puskesmas is not None and _head_of(user) == puskesmas.pk)


# -- BLOKOSUTO -------------------------------------------------------------------------------------
# Objects are duck-typed (a practice has puskesmas_id, thematic_class, created_by_id, submitted_by_id,
# status helpers; querysets have published(), beyond_draft(), of_puskesmas(), of_dinkes_teams()), so
# accounts never imports blokosuto. A Kepala Puskesmas reaches her own puskesmas's practices in every
# status; drafts stay with their unit; facilitators see the submissions of their own classes; Dinkes
# sees every submission; everybody with a role reads what is published.


def sees_blokosuto(user: User) -> bool:
    """The classes, sessions and published practices: every role reads them."""
    return user.is_active and bool(user.roles)


def manages_blokosuto(user: User) -> bool:
    """Staf and Admin Dinkes run the classes and sessions, publish practices and give awards."""
    return user.is_active and user.has_perm("blokosuto.manage_blokosuto")


def facilitates(user: User, thematic_class) -> bool:
    """A facilitator of this class (one query)."""
    return (
        user.is_active and user.has_role(Role.FASILITATOR) and thematic_class.facilitators.filter(pk=user.pk).exists()
    )


def practices_for_user(user: User, practices: QuerySet) -> QuerySet:
    """The good practices of `practices` that the user may see."""
    if not sees_blokosuto(user):
        return practices.none()
    visible = practices.published()
    own = _head_of(user)
    if own:
        visible |= practices.of_puskesmas(own)
    if manages_blokosuto(user):
        visible |= practices.of_dinkes_teams()
    if sees_whole_city(user):
        visible |= practices.beyond_draft()
    elif user.has_role(Role.FASILITATOR):
        visible |= practices.beyond_draft().filter(thematic_class__in=user.facilitated_classes.all())
    return visible


def can_submit_practices(user: User) -> bool:
    """A Kepala Puskesmas for her puskesmas, Staf/Admin Dinkes for a Dinkes team."""
    return bool(_head_of(user)) or manages_blokosuto(user)


def owns_practice(user: User, practice) -> bool:
    """The unit that submitted it: the puskesmas's head, or Dinkes for a Dinkes team's practice."""
    if practice.puskesmas_id:
        return _head_of(user) == practice.puskesmas_id
    return manages_blokosuto(user)


def _took_part(user: User, practice) -> bool:
    """Whoever wrote or sent the practice, or works at its puskesmas, never judges it."""
    same_puskesmas = practice.puskesmas_id is not None and user.puskesmas_id == practice.puskesmas_id
    return user.pk in {practice.created_by_id, practice.submitted_by_id} or same_puskesmas


def can_review_practice(user: User, practice) -> bool:
    """Facilitators of the practice's class score it, except those who took part in it."""
    return not _took_part(user, practice) and facilitates(user, practice.thematic_class)


def can_decide_practice(user: User, practice) -> bool:
    """Return it with comments, or record the decision the rubric's thresholds give: Dinkes or a
    reviewer of its class (never its own unit)."""
    if _took_part(user, practice):
        return False
    return manages_blokosuto(user) or facilitates(user, practice.thematic_class)


def can_manage_sessions(user: User, thematic_class) -> bool:
    """Dinkes and the class's own facilitators record its sessions."""
    return manages_blokosuto(user) or facilitates(user, thematic_class)


def replicating_puskesmas(user: User, practice) -> Puskesmas | None:
    """The puskesmas on whose behalf the user may adopt a published practice: a head's own, unless
    the practice is already hers."""
    own = own_puskesmas(user)
    if own is None or practice.puskesmas_id == own.pk:
        return None
    return own


def can_change_replication(user: User, replication) -> bool:
    return _head_of(user) == replication.puskesmas_id or manages_blokosuto(user)
