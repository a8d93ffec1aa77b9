"""Writes of BLOKOSUTO, each one transaction: practices and their review workflow, replications,
sessions and awards.

draft -> submitted -> in review (with the first review) -> returned (with comments) -> submitted ...
in review -> accepted as Praktik Baik / Praktik Menjanjikan, or rejected, as the rubric's thresholds
say (blokosuto/rubric.py) -> published (accepted ones only). Every step is also a line of the
practice's comment thread. The practice row is locked (SELECT ... FOR UPDATE) for each step, so two
people acting at once never both succeed from the same status.

Uploaded files are written last in each action, and removed again if the action fails on the way,
so a refused or failed save leaves nothing behind.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from blokosuto import queries, rubric
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
from blokosuto.sniffing import CheckedFile
from programs.models import Indicator
from regions.models import Kelurahan, Puskesmas

Status = GoodPractice.Status


class WrongStatusError(Exception):
    """The practice is not in a status that allows this step (someone else may have moved it)."""


class IncompleteError(Exception):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


class NotDecidableError(Exception):
    def __init__(self, verdict: rubric.Verdict) -> None:
        super().__init__(verdict.outcome)
        self.verdict = verdict


def _locked(practice: GoodPractice, allowed: Iterable[str]) -> GoodPractice:
    """The practice re-read under a row lock; WrongStatusError unless its status is `allowed`."""
    current = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    if current.status not in set(allowed):
        raise WrongStatusError(current.status)
    return current


def _step(practice: GoodPractice, *, by: User, status: str, text: str = "", **changes) -> GoodPractice:
    for name, value in {"status": status, **changes}.items():
        setattr(practice, name, value)
    practice.save(update_fields=["status", "updated_at", *changes])
    Comment.objects.create(practice=practice, author=by, step=status, text=text)
    return practice


def _store_files(model: type[Model], files: Sequence[CheckedFile], *, by: User, **owner) -> list[Model]:
    """Writes each checked file under a generated name; removes what it wrote if one fails."""
    stored = []
    try:
        for checked in files:
            record = model(
                display_name=checked.display_name,
                kind=checked.kind.value,
                size=checked.size,
                uploaded_by=by,
                **owner,
            )
            record.file.save(checked.display_name, checked.upload, save=False)
            stored.append(record)
            record.save()
    except Exception:
        for record in stored:
            default_storage.delete(record.file.name)
        raise
    return stored


def _measure(
    target: GoodPractice | Replication,
    *,
    practice: GoodPractice,
    replication: Replication | None,
    snapshot: queries.Snapshot | None = None,
) -> None:
    """Replaces the before/after values of `target` (the practice, or one of its replications) for
    its kelurahan and the practice's indicators, read from the approved monthly reports."""
    Measurement.objects.filter(practice=practice, replication=replication).delete()
    before, after = target.before_period, target.after_period
    target.measured_at = timezone.now() if before and after else None
    type(target).objects.filter(pk=target.pk).update(measured_at=target.measured_at)
    if not target.measured_at:
        return
    indicators = list(practice.indicators.all())
    kelurahan = list(target.kelurahan.values_list("pk", flat=True))
    if snapshot is None or not {before, after} <= snapshot.keys():
        snapshot = queries.indicator_snapshot(indicators=indicators, periods=[before, after])
    rows = []
    for indicator in indicators:
        for kelurahan_id in kelurahan:
            was = snapshot[before].get((kelurahan_id, indicator.code), queries.analytics.UNREPORTED)
            now = snapshot[after].get((kelurahan_id, indicator.code), queries.analytics.UNREPORTED)
            rows.append(
                Measurement(
                    practice=practice,
                    replication=replication,
                    kelurahan_id=kelurahan_id,
                    indicator=indicator,
                    before_numerator=was.numerator,
                    before_denominator=was.denominator,
                    before=was.value,
                    before_reason=was.reason or "",
                    after_numerator=now.numerator,
                    after_denominator=now.denominator,
                    after=now.value,
                    after_reason=now.reason or "",
                    improvement=rubric.improvement(was.value, now.value, higher_is_better=indicator.higher_is_better),
                )
            )
    Measurement.objects.bulk_create(rows)


def measure_practice(practice: GoodPractice, *, snapshot: queries.Snapshot | None = None) -> None:
    """Reads the before/after values of the practice and of each of its replications again."""
    with transaction.atomic():
        _measure(practice, practice=practice, replication=None, snapshot=snapshot)
        for replication in practice.replications.all():
            _measure(replication, practice=practice, replication=replication, snapshot=snapshot)


# -- the practice and its review ---------------------------------------------------------------------


@transaction.atomic
def save_practice(
    practice: GoodPractice | None,
    *,
    fields: dict,
    indicators: Iterable[Indicator],
    kelurahan: Iterable[Kelurahan],
    files: Sequence[CheckedFile] = (),
    puskesmas: Puskesmas | None = None,
    by: User,
) -> GoodPractice:
    """Creates a draft (for `puskesmas`, None for a Dinkes team) or changes a draft or returned
    practice, with its before/after values read again and new evidence files added."""
    if practice is None:
        practice = GoodPractice(created_by=by, puskesmas=puskesmas)
    else:
        practice = _locked(practice, [Status.DRAFT, Status.RETURNED])
    for name, value in fields.items():
        setattr(practice, name, value)
    practice.save()
    practice.indicators.set(indicators)
    practice.kelurahan.set(kelurahan)
    _measure(practice, practice=practice, replication=None)
    _store_files(Evidence, files, by=by, practice=practice)
    return practice


@transaction.atomic
def remove_evidence(evidence: Evidence) -> None:
    _locked(evidence.practice, [Status.DRAFT, Status.RETURNED])
    name = evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def submit_practice(practice: GoodPractice, *, by: User) -> GoodPractice:
    """Sends a complete draft (or a corrected returned practice) to its class: a new review round."""
    practice = _locked(practice, [Status.DRAFT, Status.RETURNED])
    missing = practice.missing_for_submission(
        indicators=practice.indicators.count(), kelurahan=practice.kelurahan.count()
    )
    if missing:
        raise IncompleteError(missing)
    return _step(
        practice, by=by, status=Status.SUBMITTED, submitted_by=by, submitted_at=timezone.now(), round=practice.round + 1
    )


@transaction.atomic
def save_review(practice: GoodPractice, *, reviewer: User, scores: dict[str, int], comment: str) -> Review:
    """A facilitator's scores for this round (changed if she scored it already); the first review
    puts the practice in review."""
    practice = _locked(practice, [Status.SUBMITTED, Status.IN_REVIEW])
    rubric.verdict([scores])  # refuses scores outside 1..5 before anything is written
    review, _ = Review.objects.update_or_create(
        practice=practice, reviewer=reviewer, round=practice.round, defaults={**scores, "comment": comment.strip()}
    )
    if practice.status == Status.SUBMITTED:
        practice.status = Status.IN_REVIEW
        practice.save(update_fields=["status", "updated_at"])
    return review


@transaction.atomic
def return_practice(practice: GoodPractice, *, by: User, reason: str) -> GoodPractice:
    if not reason.strip():
        raise ValueError("returning a practice needs a reason")
    practice = _locked(practice, [Status.SUBMITTED, Status.IN_REVIEW])
    return _step(practice, by=by, status=Status.RETURNED, text=reason.strip())


@transaction.atomic
def decide_practice(practice: GoodPractice, *, by: User) -> GoodPractice:
    """Records the decision the rubric's thresholds give for this round's reviews; refused
    (NotDecidableError) while reviews are missing or the reviewers disagree too much."""
    practice = _locked(practice, [Status.IN_REVIEW])
    reviews = [r.scores for r in practice.reviews.filter(round=practice.round)]
    verdict = rubric.verdict(reviews)
    if not verdict.outcome.is_final:
        raise NotDecidableError(verdict)
    if verdict.outcome == rubric.Outcome.REJECT:
        return _step(practice, by=by, status=Status.REJECTED, decided_at=timezone.now())
    category = GoodPractice.Category(verdict.outcome.value)
    return _step(practice, by=by, status=Status.ACCEPTED, category=category, decided_at=timezone.now())


@transaction.atomic
def publish_practice(practice: GoodPractice, *, by: User) -> GoodPractice:
    """Publishes an accepted practice in the catalogue, its before/after values read again."""
    practice = _locked(practice, [Status.ACCEPTED])
    measure_practice(practice)
    return _step(practice, by=by, status=Status.PUBLISHED, published_at=timezone.now())


def add_comment(practice: GoodPractice, *, by: User, text: str) -> Comment:
    return Comment.objects.create(practice=practice, author=by, text=text.strip())


# -- replication, sessions, awards -------------------------------------------------------------------


@transaction.atomic
def save_replication(
    replication: Replication | None,
    *,
    practice: GoodPractice,
    puskesmas: Puskesmas | None = None,
    fields: dict,
    kelurahan: Iterable[Kelurahan],
    by: User,
) -> Replication:
    """Adopts a published practice for `puskesmas`, or changes an adoption, with the before/after
    values of the adopting kelurahan read again."""
    _locked(practice, [Status.PUBLISHED])
    if replication is None:
        replication = Replication(practice=practice, puskesmas=puskesmas, created_by=by)
    for name, value in fields.items():
        setattr(replication, name, value)
    replication.save()
    replication.kelurahan.set(kelurahan)
    _measure(replication, practice=practice, replication=replication)
    return replication


@transaction.atomic
def record_session(
    thematic_class: ThematicClass,
    *,
    fields: dict,
    participants: Sequence[tuple[str, str]],
    files: Sequence[CheckedFile] = (),
    by: User,
) -> ClassSession:
    session = ClassSession.objects.create(thematic_class=thematic_class, created_by=by, **fields)
    SessionParticipant.objects.bulk_create(
        SessionParticipant(session=session, name=name, unit=unit) for name, unit in participants
    )
    _store_files(SessionMaterial, files, by=by, session=session)
    return session


@transaction.atomic
def award_practice(
    practice: GoodPractice, *, by: User, name: str, recipient: str, awarded_on: datetime.date, citation: str
) -> Award:
    _locked(practice, [Status.PUBLISHED])
    return Award.objects.create(
        practice=practice,
        awarded_by=by,
        name=name.strip(),
        recipient=recipient,
        awarded_on=awarded_on,
        citation=citation.strip(),
    )
