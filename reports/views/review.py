"""Dinkes's side of the workflow, and the start page of the monthly reports."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import can_review_reports, own_puskesmas
from reports import actions, queries
from reports.access import get_puskesmas_report
from reports.forms import ReasonForm, VersionForm


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """A head's months to fill in; for Dinkes, the reports waiting for review."""
    today = timezone.localdate()
    puskesmas = own_puskesmas(request.user)
    context = {
        "puskesmas": puskesmas,
        "months": queries.months_of(puskesmas=puskesmas, until=today) if puskesmas else [],
        "queue": queries.review_queue() if not puskesmas else [],
        "can_review": can_review_reports(request.user),
    }
    return render(request, "reports/index.html", context)


def _review_step(request: HttpRequest, code: str, period: str, step, form_class, done: str) -> HttpResponse:
    if not can_review_reports(request.user):
        raise Http404
    puskesmas, _month, report = get_puskesmas_report(request.user, code, period)
    form = form_class(request.POST)
    if report is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])) or _("The form was incomplete."))
        return redirect("reports:entry", code=puskesmas.code, period=period)
    extra = {"reason": form.cleaned_data["reason"]} if "reason" in form.cleaned_data else {}
    try:
        step(report, by=request.user, version=form.cleaned_data["version"], **extra)
    except actions.ReportConflictError:
        messages.error(request, _("The puskesmas changed this report while you were reading it: look again."))
    except actions.WrongStatusError:
        messages.error(request, _("This report is not in a state that allows this step."))
    else:
        messages.success(request, done)
    return redirect("reports:entry", code=puskesmas.code, period=period)


@require_POST
def approve(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _review_step(
        request, code, period, actions.approve, VersionForm, _("Approved. The report is now read-only.")
    )


@require_POST
def return_for_correction(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _review_step(
        request,
        code,
        period,
        actions.return_for_correction,
        ReasonForm,
        _("Returned to the puskesmas with your reason."),
    )


@require_POST
def reopen(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _review_step(request, code, period, actions.reopen, ReasonForm, _("Reopened for corrections; recorded."))
