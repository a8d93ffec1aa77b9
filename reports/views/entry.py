"""The monthly report of one puskesmas: the entry grid, saving, submitting, and one cell's details."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import can_enter_reports, can_review_reports
from reports import actions, queries
from reports.access import get_puskesmas_report
from reports.forms import CellNoteForm, VersionForm, read_grid

CONFLICT = gettext_lazy(
    "Someone else saved this report after you opened it. Nothing of yours was saved: your entries are "
    "still in the form below, next to the values now stored. Check them and save again."
)


@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest, code: str, period: str) -> HttpResponse:
    puskesmas, month, report = get_puskesmas_report(request.user, code, period, write=request.method == "POST")
    grid = queries.entry_grid(puskesmas=puskesmas, period=month, report=report)
    typed, errors = {}, {}
    if request.method == "POST":
        report = report or actions.get_or_create_report(puskesmas=puskesmas, period=month)
        version = VersionForm(request.POST)
        cells, errors, typed = read_grid(request.POST, [(c.kelurahan.pk, c.element.pk) for c in grid.cells])
        if not errors and version.is_valid():
            try:
                changed = actions.save_values(report, cells, by=request.user, version=version.cleaned_data["version"])
            except actions.WrongStatusError:
                messages.error(request, _("This report is no longer open for changes."))
                return redirect(request.path)
            except actions.ReportConflictError:
                messages.error(request, CONFLICT)
                grid = queries.entry_grid(puskesmas=puskesmas, period=month, report=report)
            else:
                messages.success(request, _("Saved: %(count)s cells changed.") % {"count": changed})
                return redirect(request.path)
        elif errors:
            messages.error(request, _("Nothing was saved: correct the cells marked in red."))
    grid.keep_typed(typed, errors)
    grid.link_cells(reverse("reports:cell", args=[puskesmas.code, period, "KELURAHAN", "ELEMENT"]))
    context = {
        "grid": grid,
        "report": report,
        "can_edit": can_enter_reports(request.user, puskesmas) and (report is None or report.is_editable),
        "can_review": can_review_reports(request.user),
    }
    return render(request, "reports/entry.html", context)


@require_POST
def submit(request: HttpRequest, code: str, period: str) -> HttpResponse:
    puskesmas, _month, report = get_puskesmas_report(request.user, code, period, write=True)
    form = VersionForm(request.POST)
    if report is None or not form.is_valid():
        raise Http404
    try:
        actions.submit(report, by=request.user, version=form.cleaned_data["version"])
    except actions.SubmissionBlockedError as blocked:
        grid = blocked.grid
        messages.error(
            request,
            _(
                "Not submitted yet: %(missing)s required cells are empty, %(errors)s errors, "
                "%(warnings)s warnings without a comment."
            )
            % {"missing": len(grid.missing), "errors": len(grid.errors), "warnings": len(grid.uncommented_warnings)},
        )
    except actions.ReportConflictError:
        messages.error(request, _("Someone else changed this report: check it and submit again."))
    except actions.WrongStatusError:
        messages.error(request, _("This report has already been submitted."))
    else:
        messages.success(request, _("Submitted to Dinkes for review."))
    return redirect("reports:entry", code=puskesmas.code, period=period)


@require_http_methods(["GET", "POST"])
def cell(request: HttpRequest, code: str, period: str, kelurahan: str, element: str) -> HttpResponse:
    """One cell: its value and checks, its comment and follow-up flag, and who changed what when."""
    puskesmas, _month, report = get_puskesmas_report(request.user, code, period)
    if report is None:
        raise Http404
    grid = queries.entry_grid(puskesmas=puskesmas, period=report.period, report=report)
    the_cell = grid.cell(kelurahan, element)
    may_note = can_enter_reports(request.user, puskesmas) or can_review_reports(request.user)
    form = CellNoteForm(
        request.POST or None,
        initial={"version": report.version, "comment": the_cell.comment, "follow_up": the_cell.follow_up},
    )
    if request.method == "POST":
        if not may_note or report.status == report.Status.APPROVED:
            raise Http404
        if form.is_valid():
            try:
                actions.annotate_cell(
                    report,
                    kelurahan_id=the_cell.kelurahan.pk,
                    data_element_id=the_cell.element.pk,
                    comment=form.cleaned_data["comment"],
                    follow_up=form.cleaned_data["follow_up"],
                    version=form.cleaned_data["version"],
                )
            except (actions.ReportConflictError, actions.WrongStatusError):
                messages.error(request, CONFLICT)
            else:
                messages.success(request, _("Comment saved."))
                return redirect("reports:entry", code=puskesmas.code, period=period)
    context = {
        "grid": grid,
        "report": report,
        "cell": the_cell,
        "form": form,
        "may_note": may_note and report.status != report.Status.APPROVED,
        "history": queries.cell_history(report=report, kelurahan=the_cell.kelurahan, element=the_cell.element),
    }
    return render(request, "reports/cell.html", context)
