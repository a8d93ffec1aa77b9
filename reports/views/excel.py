"""The Excel round trip of a monthly report: download the template, upload it filled, preview, store."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from regions.models import Puskesmas
from reports import actions, round_trip
from reports.access import get_puskesmas_report


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled template (.xlsx)"),
        allow_empty_file=True,  # an empty file gets the same list of problems as any other bad file
        widget=forms.FileInput(attrs={"accept": f".xlsx,{round_trip.XLSX_CONTENT_TYPE}"}),
    )


@require_GET
def template(request: HttpRequest, code: str, period: str) -> HttpResponse:
    """The month's grid as a workbook, with the stored values: for the head and for Dinkes."""
    puskesmas, month, report = get_puskesmas_report(request.user, code, period)
    content = round_trip.template_workbook(puskesmas=puskesmas, period=month, report=report)
    response = HttpResponse(content, content_type=round_trip.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, round_trip.file_name(puskesmas, month))
    return response


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, code: str, period: str) -> HttpResponse:
    puskesmas, month, report = get_puskesmas_report(request.user, code, period, write=True)
    if "token" in request.POST:
        return _store(request, puskesmas, month)
    form = UploadForm(request.POST or None, request.FILES or None)
    preview, token = None, ""
    if form.is_valid():
        file = form.cleaned_data["file"]
        preview = round_trip.preview_upload(puskesmas=puskesmas, period=month, report=report, upload=file)
        if preview.can_store:
            token = round_trip.remember(request.session, preview, puskesmas=puskesmas, period=month)
    context = {"puskesmas": puskesmas, "period": month, "report": report, "form": form, "preview": preview}
    return render(request, "reports/excel_upload.html", context | {"token": token})


def _store(request: HttpRequest, puskesmas: Puskesmas, month: datetime.date) -> HttpResponse:
    try:
        changed = round_trip.store_upload(
            request.session, request.POST["token"], puskesmas=puskesmas, period=month, by=request.user
        )
    except round_trip.UploadExpiredError:
        messages.error(request, _("This preview has expired or was stored already. Upload the file again."))
    except actions.ReportConflictError:
        messages.error(
            request,
            _(
                "Someone else saved this report after your preview, so nothing from the file was stored. "
                "Upload the file again to see what it would change now."
            ),
        )
    except actions.WrongStatusError:
        messages.error(request, _("This report is no longer open for changes, so nothing from the file was stored."))
    else:
        messages.success(request, _("Stored from the Excel file: %(count)s cells changed.") % {"count": changed})
        return redirect("reports:entry", code=puskesmas.code, period=f"{month:%Y-%m}")
    return redirect(request.path)
