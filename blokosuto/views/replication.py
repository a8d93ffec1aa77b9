"""Adopting a published practice, and following the adoption up the status ladder."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import replicating_puskesmas
from blokosuto import actions, queries
from blokosuto.access import get_practice_for_user, get_replication_for_user
from blokosuto.forms import ReplicationForm
from blokosuto.models import GoodPractice, Replication
from regions.models import Puskesmas


@require_http_methods(["GET", "POST"])
def replicate(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice)
    puskesmas = replicating_puskesmas(request.user, found)
    if puskesmas is None or found.status != GoodPractice.Status.PUBLISHED:
        raise Http404
    existing = found.replications.filter(puskesmas=puskesmas).first()
    if existing:
        return redirect("blokosuto:replication", replication=existing.pk)
    return _replication_form(request, found, None, puskesmas)


@require_http_methods(["GET", "POST"])
def replication_edit(request: HttpRequest, replication: int) -> HttpResponse:
    found = get_replication_for_user(request.user, replication)
    return _replication_form(request, found.practice, found, found.puskesmas)


def _replication_form(
    request: HttpRequest, practice: GoodPractice, replication: Replication | None, puskesmas: Puskesmas
) -> HttpResponse:
    kelurahan = queries.kelurahan_choices(puskesmas=puskesmas, today=timezone.localdate())
    form = ReplicationForm(
        request.POST or None, instance=replication, kelurahan=kelurahan, mentors=queries.mentors_for(practice=practice)
    )
    if form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "kelurahan"}
        try:
            actions.save_replication(
                replication, practice=practice, puskesmas=puskesmas, fields=fields,
                kelurahan=form.cleaned_data["kelurahan"], by=request.user,
            )  # fmt: skip
        except actions.WrongStatusError:
            messages.error(request, _("This practice is no longer published; nothing was saved."))
        else:
            messages.success(request, _("The replication is saved."))
        return redirect(practice)
    context = {"form": form, "practice": practice, "replication": replication, "puskesmas": puskesmas}
    return render(request, "blokosuto/replication_form.html", context)
