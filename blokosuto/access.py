"""Finding BLOKOSUTO objects for a user. The rules themselves live in accounts/access.py.

Whatever a user may not reach answers 404, so that another puskesmas's drafts do not leak.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import (
    can_change_replication,
    can_decide_practice,
    can_review_practice,
    manages_blokosuto,
    owns_practice,
    practices_for_user,
    replicating_puskesmas,
    sees_blokosuto,
)
from accounts.models import User
from blokosuto.models import ClassSession, GoodPractice, Replication, ThematicClass
from regions.models import Puskesmas

Rule = Callable[[User, GoodPractice], bool]


def require_blokosuto(user: User) -> None:
    if not sees_blokosuto(user):
        raise PermissionDenied


def get_class(user: User, code: str) -> ThematicClass:
    require_blokosuto(user)
    return get_object_or_404(ThematicClass, code=code)


def get_session(user: User, pk: int) -> ClassSession:
    require_blokosuto(user)
    return get_object_or_404(ClassSession.objects.select_related("thematic_class", "facilitator"), pk=pk)


def get_practice_for_user(user: User, pk: int, *, rule: Rule | None = None) -> GoodPractice:
    """The practice if the user may see it and, with `rule`, if the rule allows her; else 404."""
    practices = GoodPractice.objects.select_related("thematic_class", "puskesmas__kecamatan", "created_by")
    practice = get_object_or_404(practices_for_user(user, practices), pk=pk)
    if rule is not None and not rule(user, practice):
        raise Http404
    return practice


def get_replication_for_user(user: User, pk: int) -> Replication:
    """A replication its puskesmas (or Dinkes) may change, of a practice the user may see; else 404."""
    replication = get_object_or_404(
        Replication.objects.select_related("practice__thematic_class", "practice__puskesmas", "puskesmas"), pk=pk
    )
    if not can_change_replication(user, replication):
        raise Http404
    get_practice_for_user(user, replication.practice_id)
    return replication


@dataclass(frozen=True)
class PracticeRights:
    """What the user may do on a practice's page (each from accounts.access)."""

    edit: bool
    review: bool
    decide: bool
    manage: bool
    replicate_for: Puskesmas | None

    @property
    def sees_reviews(self) -> bool:
        return self.edit or self.review or self.decide or self.manage


def practice_rights(user: User, practice: GoodPractice) -> PracticeRights:
    published = practice.status == GoodPractice.Status.PUBLISHED
    return PracticeRights(
        edit=owns_practice(user, practice),
        review=can_review_practice(user, practice),
        decide=can_decide_practice(user, practice),
        manage=manages_blokosuto(user),
        replicate_for=replicating_puskesmas(user, practice) if published else None,
    )
