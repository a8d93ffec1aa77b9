"""The classes: the overview, a class page with its calendar, sessions and their materials."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import can_manage_sessions, can_submit_practices
from blokosuto import actions, queries, rubric
from blokosuto.access import get_class, get_session, require_blokosuto
from blokosuto.forms import SessionForm
from blokosuto.views.files import file_response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The nine classes, the user's own practices, what waits for her, and the published rubric."""
    require_blokosuto(request.user)
    context = {
        "classes": queries.class_overview(today=timezone.localdate()),
        "mine": queries.practices_of_unit(user=request.user)[:20],
        "queue": queries.review_queue(user=request.user),
        "can_submit": can_submit_practices(request.user),
        "criteria": queries.rubric_criteria(),
        "rubric": rubric,
    }
    return render(request, "blokosuto/index.html", context)


@require_GET
def class_detail(request: HttpRequest, class_code: str) -> HttpResponse:
    thematic_class = get_class(request.user, class_code)
    context = {
        "page": queries.class_page(thematic_class=thematic_class, today=timezone.localdate()),
        "can_manage_sessions": can_manage_sessions(request.user, thematic_class),
        "can_submit": can_submit_practices(request.user),
    }
    return render(request, "blokosuto/class_detail.html", context)


@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, class_code: str) -> HttpResponse:
    thematic_class = get_class(request.user, class_code)
    if not can_manage_sessions(request.user, thematic_class):
        raise Http404
    form = SessionForm(request.POST or None, request.FILES or None, thematic_class=thematic_class)
    if form.is_valid():
        session = actions.record_session(
            thematic_class,
            fields={name: form.cleaned_data[name] for name in SessionForm.Meta.fields},
            participants=form.cleaned_data["participant_lines"],
            files=form.cleaned_data["materials"],
            by=request.user,
        )
        messages.success(request, _("The session is recorded."))
        return redirect("blokosuto:session", session=session.pk)
    return render(request, "blokosuto/session_form.html", {"form": form, "thematic_class": thematic_class})


@require_GET
def session_detail(request: HttpRequest, session: int) -> HttpResponse:
    found = get_session(request.user, session)
    participants, materials = queries.session_page(session=found)
    context = {"session": found, "participants": participants, "materials": materials}
    return render(request, "blokosuto/session_detail.html", context)


@require_GET
def session_material(request: HttpRequest, session: int, material: int) -> HttpResponse:
    found = get_session(request.user, session)
    return file_response(get_object_or_404(found.materials, pk=material))
