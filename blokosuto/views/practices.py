"""A good practice: writing it, its page, its evidence files, sending it to the class, commenting."""

from functools import partial

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import can_submit_practices, own_puskesmas, owns_practice, sees_small_counts
from blokosuto import actions, queries
from blokosuto.access import get_practice_for_user, practice_rights
from blokosuto.forms import AwardForm, CommentForm, PracticeForm, ReasonForm
from blokosuto.models import GoodPractice
from blokosuto.views.files import file_response


@require_GET
def practice_detail(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice)
    rights = practice_rights(request.user, found)
    page = queries.practice_page(practice=found, exact=partial(sees_small_counts, request.user))
    own_replication = next((r for r in page.replications if r.puskesmas == rights.replicate_for), None)
    context = {
        "page": page,
        "practice": found,
        "rights": rights,
        "own_replication": own_replication,
        "comment_form": CommentForm(),
        "reason_form": ReasonForm(),
        "award_form": AwardForm(initial={"name": "GEMILANG", "awarded_on": timezone.localdate()}),
    }
    return render(request, "blokosuto/practice_detail.html", context)


@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    if not can_submit_practices(request.user):
        raise Http404
    return _practice_form(request, None)


@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=owns_practice)
    if not found.is_editable:
        messages.info(request, _("This practice is with the class now: it can change only when it is returned."))
        return redirect("blokosuto:practice", practice=found.pk)
    return _practice_form(request, found)


def _practice_form(request: HttpRequest, practice: GoodPractice | None) -> HttpResponse:
    """The practice's form: a new draft for the user's unit, or changes to her draft."""
    unit = own_puskesmas(request.user) if practice is None else practice.puskesmas
    kelurahan = queries.kelurahan_choices(puskesmas=unit, today=timezone.localdate())
    initial = {"thematic_class": request.GET.get("kelas")} if practice is None else None
    form = PracticeForm(
        request.POST or None, request.FILES or None, instance=practice, initial=initial, kelurahan=kelurahan
    )
    if form.is_valid():
        try:
            saved = actions.save_practice(
                practice,
                fields=form.practice_fields(),
                indicators=form.cleaned_data["indicators"],
                kelurahan=form.cleaned_data["kelurahan"],
                files=form.cleaned_data["evidence"],
                puskesmas=unit,
                by=request.user,
            )
        except actions.WrongStatusError:
            messages.error(request, _("This practice was sent to the class meanwhile; nothing was changed."))
            return redirect("blokosuto:practice", practice=practice.pk)
        messages.success(request, _("Saved. Send it to the class when it is complete."))
        return redirect("blokosuto:practice", practice=saved.pk)
    return render(request, "blokosuto/practice_form.html", {"form": form, "practice": practice, "unit": unit})


@require_POST
def practice_submit(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=owns_practice)
    try:
        actions.submit_practice(found, by=request.user)
    except actions.IncompleteError as error:
        messages.error(request, _("Not sent yet: fill in %(missing)s.") % {"missing": ", ".join(error.missing)})
    except actions.WrongStatusError:
        messages.error(request, _("This practice is not a draft or returned, so it cannot be sent."))
    else:
        messages.success(request, _("Sent to the class. Its facilitators will review it."))
    return redirect("blokosuto:practice", practice=found.pk)


@require_GET
def evidence_file(request: HttpRequest, practice: int, evidence: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice)
    return file_response(get_object_or_404(found.evidence, pk=evidence))


@require_POST
def evidence_delete(request: HttpRequest, practice: int, evidence: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=owns_practice)
    try:
        actions.remove_evidence(get_object_or_404(found.evidence, pk=evidence))
    except actions.WrongStatusError:
        messages.error(request, _("The evidence of a practice with the class cannot be removed."))
    else:
        messages.success(request, _("The file is removed."))
    return redirect("blokosuto:practice_edit", practice=found.pk)


@require_POST
def comment(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice)
    form = CommentForm(request.POST)
    if form.is_valid():
        actions.add_comment(found, by=request.user, text=form.cleaned_data["text"])
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(f"{found.get_absolute_url()}#diskusi")
