"""Finding a monthly report for a user. The rules themselves live in accounts/access.py."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.access import can_enter_reports, puskesmas_for_user
from accounts.models import User
from regions.models import Puskesmas
from reports.models import MonthlyReport


def parse_period(text: str) -> datetime.date:
    """`2026-03` -> 2026-03-01; 404 for anything else (the period is part of the URL)."""
    try:
        return datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise Http404 from None


def get_puskesmas_report(
    user: User, code: str, period_text: str, *, write: bool = False
) -> tuple[Puskesmas, datetime.date, MonthlyReport | None]:
    """The puskesmas (404 if the user may not see it), the month, and its report if one exists.

    With `write`, the user must be the puskesmas's head (404 for everyone else, so a head
    never learns which other puskesmas exist through the edit URLs).
    """
    period = parse_period(period_text)
    if period > timezone.localdate().replace(day=1):
        raise Http404  # a month that has not begun has nothing to report
    puskesmas = get_object_or_404(puskesmas_for_user(user).select_related("kecamatan"), code=code)
    if write and not can_enter_reports(user, puskesmas):
        raise Http404
    report = MonthlyReport.objects.filter(puskesmas=puskesmas, period=period).first()
    return puskesmas, period, report
