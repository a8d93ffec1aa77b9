"""Admin import/export of data values in long format, for Dinkes back-filling history.

One row per value: `puskesmas_code, period (YYYY-MM), kelurahan_code, data_element_code, value`,
a blank value being "not reported". The whole import is one transaction (preview first, then
confirm), so one bad row among thousands stores nothing. The rules:

- Codes must exist; the kelurahan must be in the puskesmas's working area in that month. Data
  elements that are no longer active are accepted: the history being back-filled has them.
- A user imports only for the puskesmas she may see (accounts.access.puskesmas_for_user): a
  Kepala Puskesmas only her own; any other code reads as unknown, as it does in the portal.
- A missing report is created. It is created **approved** (reviewed by the importer, now) when the
  importer reviews reports (Admin Dinkes) and the month has ended: that is history being back-filled
  from the office's spreadsheets. Otherwise (the current month, or a head importing) it is a draft
  that goes through submission and review like any other.
- A report that is submitted or approved is not overwritten: a row that would change one of its
  values is refused, with the advice to return or reopen it first (both audited, with a reason).
  A row equal to the stored value is skipped, so re-importing the same file changes nothing.
- A report whose values change gets a new version, so a head's open entry form cannot silently
  overwrite the imported values (optimistic locking, see reports.actions).

Speed: codes are resolved against dictionaries loaded once per import, stored values are found by
the full composite key (never import-export's CachedInstanceLoader, which keys on one field), and
rows are written in bulk. History is kept by the PostgreSQL triggers, which bulk writes fire too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, widgets

from accounts.access import can_review_reports, puskesmas_for_user
from accounts.models import User
from programs.models import DataElement
from regions.codes import validate_kelurahan_code
from regions.models import Kelurahan, Puskesmas, ServiceArea
from regions.resources import CodedResource
from reports.forms import MAX_CELL_VALUE
from reports.models import DataValue, MonthlyReport, first_of_month

Slot = tuple[int, datetime.date]  # (puskesmas id, period): one report
Cell = tuple[int, datetime.date, int, int]  # (puskesmas id, period, kelurahan id, data element id)


class MonthWidget(widgets.DateWidget):
    """A month written YYYY-MM; a date (a spreadsheet's idea of "2026-03") counts as its month."""

    def __init__(self) -> None:
        super().__init__(format="%Y-%m")

    def clean(self, value, row=None, **kwargs):
        try:
            day = super().clean(value.strip() if isinstance(value, str) else value, row, **kwargs)
        except ValueError:
            raise ValueError(_("%(value)s is not a month; write it as YYYY-MM.") % {"value": value}) from None
        if isinstance(day, datetime.datetime):
            day = day.date()
        return first_of_month(day) if day else None


def _read_only(attribute: str, column: str, widget: widgets.Widget | None = None) -> fields.Field:
    """A key column: exported from `attribute`, resolved on import by DataValueResource itself."""
    return fields.Field(attribute=attribute, column_name=column, widget=widget, readonly=True)


@dataclass
class _Known:
    """Everything the rows are checked against, loaded once per import (six queries)."""

    puskesmas: dict[str, Puskesmas]
    kelurahan: dict[str, Kelurahan]
    elements: dict[str, DataElement]
    areas: dict[int, list[tuple[int, datetime.date, datetime.date | None]]]
    reports: dict[Slot, MonthlyReport]
    locked: set[Slot]  # submitted or approved before this import
    stored: dict[Cell, tuple[int, int | None]]  # -> (data value id, value)

    @classmethod
    def load(cls, user: User | None, periods: set[datetime.date]) -> _Known:
        puskesmas = {p.code: p for p in (puskesmas_for_user(user) if user else Puskesmas.objects.none())}
        areas: dict[int, list] = {}
        for row in ServiceArea.objects.values_list("kelurahan_id", "puskesmas_id", "valid_from", "valid_to"):
            areas.setdefault(row[0], []).append(row[1:])
        reports = MonthlyReport.objects.filter(puskesmas__in=puskesmas.values(), period__in=periods)
        reports = {(r.puskesmas_id, r.period): r for r in reports}
        by_id = {r.pk: slot for slot, r in reports.items()}
        stored = DataValue.objects.filter(report__in=reports.values()).values_list(
            "pk", "report_id", "kelurahan_id", "data_element_id", "value"
        )
        return cls(
            puskesmas=puskesmas,
            kelurahan={k.code: k for k in Kelurahan.objects.defer("boundary")},
            elements={e.code: e for e in DataElement.objects.all()},
            areas=areas,
            reports=reports,
            locked={slot for slot, r in reports.items() if not r.is_editable},
            stored={(*by_id[report], k, e): (pk, value) for pk, report, k, e, value in stored},
        )

    def serves(self, puskesmas: Puskesmas, kelurahan: Kelurahan, period: datetime.date) -> bool:
        return any(
            p == puskesmas.pk and start <= period and (end is None or end >= period)
            for p, start, end in self.areas.get(kelurahan.pk, ())
        )


class DataValueResource(CodedResource):
    puskesmas = _read_only("report__puskesmas__code", "puskesmas_code")
    period = _read_only("report__period", "period", MonthWidget())
    kelurahan = _read_only("kelurahan__code", "kelurahan_code")
    data_element = _read_only("data_element__code", "data_element_code")

    class Meta(CodedResource.Meta):
        model = DataValue
        fields = ("puskesmas", "period", "kelurahan", "data_element", "value")
        import_id_fields = ("puskesmas", "period", "kelurahan", "data_element")
        clean_model_instances = False  # checked here, without a query per row
        use_transactions = True  # always: a file is stored whole or not at all
        use_bulk = True
        skip_diff = True

    def before_import(self, dataset, **kwargs) -> None:
        self.user = kwargs.get("user")
        # A file holds a handful of distinct months: each is parsed once, not once per row.
        column = dataset["period"] if "period" in (dataset.headers or []) else []
        self.periods = {value: self._period(value) for value in set(column)}
        self.known = _Known.load(self.user, set(self.periods.values()) - {None})
        self.created: set[int] = set()
        self.touched: set[int] = set()
        super().before_import(dataset, **kwargs)

    def _period(self, value) -> datetime.date | None:
        try:
            return self.fields["period"].widget.clean(value)
        except ValueError:
            return None

    def _period_error(self, value) -> str:
        try:
            self.fields["period"].widget.clean(value)
        except ValueError as error:
            return str(error)
        return _("The month is missing; write it as YYYY-MM.")

    def get_or_init_instance(self, instance_loader, row):
        puskesmas, period, kelurahan, element = self._resolve(row)
        report = self.known.reports.get((puskesmas.pk, period)) or MonthlyReport(puskesmas=puskesmas, period=period)
        pk, value = self.known.stored.get((puskesmas.pk, period, kelurahan.pk, element.pk), (None, None))
        instance = DataValue(pk=pk, report=report, kelurahan=kelurahan, data_element=element, value=value)
        return instance, pk is None

    def _resolve(self, row) -> tuple[Puskesmas, datetime.date, Kelurahan, DataElement]:
        errors: dict[str, str] = {}

        def find(column: str, known: dict, model, validator=None):
            code = str(row.get(column) or "").strip()
            if code in known:
                return known[code]
            if not code:
                errors[column] = _("The code is missing.")
                return None
            try:
                if validator:
                    validator(code)
                errors[column] = _("No %(model)s with code %(code)s.") % {
                    "model": model._meta.verbose_name,
                    "code": code,
                }
            except ValidationError as error:
                errors[column] = " ".join(error.messages)
            return None

        puskesmas = find("puskesmas_code", self.known.puskesmas, Puskesmas)
        kelurahan = find("kelurahan_code", self.known.kelurahan, Kelurahan, validate_kelurahan_code)
        element = find("data_element_code", self.known.elements, DataElement)
        period = self.periods.get(row.get("period"))
        if period is None:
            errors["period"] = self._period_error(row.get("period"))
        if puskesmas and kelurahan and period and not self.known.serves(puskesmas, kelurahan, period):
            errors["kelurahan_code"] = _(
                "Kelurahan %(kelurahan)s is not in the working area of %(puskesmas)s in %(period)s."
            ) % {"kelurahan": kelurahan.name, "puskesmas": puskesmas.name, "period": f"{period:%Y-%m}"}
        if errors:
            raise ValidationError(errors)
        return puskesmas, period, kelurahan, element

    def import_instance(self, instance: DataValue, row, **kwargs) -> None:
        stored = instance.value
        super().import_instance(instance, row, **kwargs)  # the value, through WholeNumberWidget
        value, shown = instance.value, {"value": instance.value}
        if value is not None and value < 0:
            raise ValidationError({"value": _("%(value)s is negative: a count cannot be below 0.") % shown})
        if value is not None and value > MAX_CELL_VALUE:
            raise ValidationError({"value": _("%(value)s is too large for one kelurahan in one month.") % shown})
        report = instance.report
        if value != stored and (report.puskesmas_id, report.period) in self.known.locked:
            raise ValidationError(
                {
                    "value": _(
                        "The report of %(puskesmas)s for %(period)s is %(status)s: return or reopen it "
                        "(with a reason) before changing its values."
                    )
                    % {
                        "puskesmas": report.puskesmas.name,
                        "period": f"{report.period:%Y-%m}",
                        "status": report.get_status_display().lower(),
                    }
                }
            )

    def skip_row(self, instance: DataValue, original, row, import_validation_errors=None) -> bool:
        """Unchanged: the same value as stored, or a blank where nothing is stored."""
        if import_validation_errors:
            return False
        cell = (instance.report.puskesmas_id, instance.report.period, instance.kelurahan_id, instance.data_element_id)
        return instance.value == self.known.stored.get(cell, (None, None))[1]

    def before_save_instance(self, instance: DataValue, row, **kwargs) -> None:
        if instance.report.pk is None:
            instance.report = self._create_report(instance.report)
        elif instance.report.pk not in self.created:
            self.touched.add(instance.report.pk)
        instance.updated_at = timezone.now()  # bulk_update does not apply auto_now

    def _create_report(self, draft: MonthlyReport) -> MonthlyReport:
        slot = (draft.puskesmas_id, draft.period)
        if slot not in self.known.reports:
            if can_review_reports(self.user) and draft.period < first_of_month(timezone.localdate()):
                draft.status = MonthlyReport.Status.APPROVED  # history being back-filled
                draft.reviewed_by, draft.reviewed_at = self.user, timezone.now()
            draft.save()
            self.known.reports[slot] = draft
            self.created.add(draft.pk)
        return self.known.reports[slot]

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None) -> None:
        def write(rows: list[DataValue]) -> None:
            DataValue.objects.bulk_create(rows, batch_size=batch_size)

        self._write(self.create_instances, write, raise_errors, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None) -> None:
        def write(rows: list[DataValue]) -> None:
            DataValue.objects.bulk_update(rows, ["value", "updated_at"], batch_size=batch_size)

        self._write(self.update_instances, write, raise_errors, result)

    def _write(self, rows: list[DataValue], write: Callable[[list[DataValue]], None], raise_errors, result) -> None:
        """A batch in its own savepoint. import-export catches a failed bulk write inside its savepoint,
        which leaves PostgreSQL's transaction aborted and the request crashing; here the savepoint is
        undone, and the import ends with the error reported (and everything rolled back)."""
        if not rows:
            return
        try:
            with transaction.atomic(using=self.get_db_connection_name()):
                write(rows)
        except DatabaseError as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            rows.clear()

    def after_import(self, dataset, result, **kwargs) -> None:
        super().after_import(dataset, result, **kwargs)
        MonthlyReport.objects.filter(pk__in=self.touched).update(version=F("version") + 1, updated_at=timezone.now())
