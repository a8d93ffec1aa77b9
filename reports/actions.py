"""Writes to monthly reports: saving values and every step of the workflow, each one transaction.

Every write checks the report's `version` (optimistic locking): the second of two people saving
the same report is refused and loses nothing, since her values stay in her form.
draft -> submitted -> approved, or submitted -> returned (with a reason) -> submitted;
an approved report is reopened (returned) only with a reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import pghistory
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from regions.models import Puskesmas
from reports import queries
from reports.models import DataValue, MonthlyReport

Status = MonthlyReport.Status


class ReportConflictError(Exception):
    """Someone else saved the report since this form was opened."""


class WrongStatusError(Exception):
    """The report is not in a status that allows this step (e.g. editing an approved report)."""


class SubmissionBlockedError(Exception):
    def __init__(self, grid: queries.EntryGrid) -> None:
        super().__init__("submission blocked")
        self.grid = grid


@dataclass(frozen=True)
class CellValue:
    kelurahan_id: int
    data_element_id: int
    value: int | None


def get_or_create_report(*, puskesmas: Puskesmas, period: datetime.date) -> MonthlyReport:
    report, _ = MonthlyReport.objects.get_or_create(puskesmas=puskesmas, period=period)
    return report


def _advance(report: MonthlyReport, *, version: int, allowed: set[str], **changes) -> MonthlyReport:
    """Bumps the version if nobody changed the report since `version`, and applies `changes`."""
    updated = MonthlyReport.objects.filter(pk=report.pk, version=version, status__in=allowed).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if not updated:
        report.refresh_from_db()
        if report.status not in allowed:
            raise WrongStatusError(report.status)
        raise ReportConflictError
    report.refresh_from_db()
    return report


@transaction.atomic
def save_values(report: MonthlyReport, cells: Iterable[CellValue], *, by: User, version: int) -> int:
    """Stores the cells that changed (a constant number of queries); returns how many changed."""
    editable = {Status.DRAFT, Status.RETURNED}
    _advance(report, version=version, allowed=editable)
    existing = {
        (v.kelurahan_id, v.data_element_id): v.value
        for v in DataValue.objects.filter(report=report).only("kelurahan_id", "data_element_id", "value")
    }
    changed = [
        DataValue(report=report, kelurahan_id=c.kelurahan_id, data_element_id=c.data_element_id, value=c.value)
        for c in cells
        if _differs(existing, (c.kelurahan_id, c.data_element_id), c.value)
    ]
    with pghistory.context(user=by.pk):
        DataValue.objects.bulk_create(
            changed,
            update_conflicts=True,
            unique_fields=["report", "kelurahan", "data_element"],
            update_fields=["value", "updated_at"],
        )
    return len(changed)


def _differs(existing: dict, key: tuple[int, int], value: int | None) -> bool:
    return existing[key] != value if key in existing else value is not None


@transaction.atomic
def annotate_cell(
    report: MonthlyReport, *, kelurahan_id: int, data_element_id: int, comment: str, follow_up: bool, version: int
) -> MonthlyReport:
    """A cell's comment and follow-up flag; allowed while the report is editable or under review."""
    report = _advance(report, version=version, allowed={Status.DRAFT, Status.RETURNED, Status.SUBMITTED})
    DataValue.objects.update_or_create(
        report=report,
        kelurahan_id=kelurahan_id,
        data_element_id=data_element_id,
        defaults={"comment": comment.strip(), "follow_up": follow_up},
    )
    return report


@transaction.atomic
def submit(report: MonthlyReport, *, by: User, version: int) -> MonthlyReport:
    """Submits when every required cell is filled, no rule is broken and every warning has a comment."""
    grid = queries.entry_grid(puskesmas=report.puskesmas, period=report.period, report=report)
    if not grid.can_submit:
        raise SubmissionBlockedError(grid)
    return _advance(
        report,
        version=version,
        allowed={Status.DRAFT, Status.RETURNED},
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=by,
    )


@transaction.atomic
def approve(report: MonthlyReport, *, by: User, version: int) -> MonthlyReport:
    return _advance(
        report,
        version=version,
        allowed={Status.SUBMITTED},
        status=Status.APPROVED,
        reviewed_at=timezone.now(),
        reviewed_by=by,
        return_reason="",
    )


def _send_back(
    report: MonthlyReport, *, by: User, version: int, reason: str, allowed: set[str], reason_fields: tuple[str, ...]
) -> MonthlyReport:
    """Returns a report to its puskesmas for corrections, the reviewer's reason in `reason_fields`."""
    if not reason.strip():
        raise ValueError("sending a report back needs a reason")
    return _advance(
        report,
        version=version,
        allowed=allowed,
        status=Status.RETURNED,
        reviewed_at=timezone.now(),
        reviewed_by=by,
        **dict.fromkeys(reason_fields, reason.strip()),
    )


@transaction.atomic
def return_for_correction(report: MonthlyReport, *, by: User, version: int, reason: str) -> MonthlyReport:
    return _send_back(
        report, by=by, version=version, reason=reason, allowed={Status.SUBMITTED}, reason_fields=("return_reason",)
    )


@transaction.atomic
def reopen(report: MonthlyReport, *, by: User, version: int, reason: str) -> MonthlyReport:
    """Opens an approved report again for corrections; the reason stays on record (history table)."""
    return _send_back(
        report,
        by=by,
        version=version,
        reason=reason,
        allowed={Status.APPROVED},
        reason_fields=("return_reason", "reopen_reason"),
    )
