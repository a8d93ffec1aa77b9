"""The class's side of the workflow: scoring with the rubric, returning, deciding, publishing."""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import can_decide_practice, can_review_practice, manages_blokosuto
from blokosuto import actions, rubric
from blokosuto.access import get_practice_for_user
from blokosuto.forms import ReasonForm, ReviewForm
from blokosuto.models import GoodPractice


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=can_review_practice)
    if not found.is_under_review:
        messages.info(request, _("This practice is not waiting for review."))
        return redirect(found)
    mine = found.reviews.filter(reviewer=request.user, round=found.round).first()
    initial = mine.scores | {"comment": mine.comment} if mine else None
    form = ReviewForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            actions.save_review(
                found, reviewer=request.user, scores=form.scores(), comment=form.cleaned_data["comment"]
            )
        except actions.WrongStatusError:
            messages.error(request, _("This practice was returned or decided meanwhile; your review was not saved."))
        else:
            messages.success(request, _("Your review is saved."))
        return redirect(found)
    return render(request, "blokosuto/review_form.html", {"form": form, "practice": found, "rubric": rubric})


def _run(request: HttpRequest, practice: GoodPractice, step: Callable[[], GoodPractice], done: str) -> HttpResponse:
    """Runs one workflow step, with its message of success or why it was refused."""
    try:
        step()
    except actions.WrongStatusError:
        messages.error(request, _("This practice is not in a state that allows this step."))
    except actions.NotDecidableError as error:
        messages.error(request, _decision_blocked(error.verdict))
    else:
        messages.success(request, done)
    return redirect(practice)


def _decision_blocked(verdict: rubric.Verdict) -> str:
    if verdict.outcome == rubric.Outcome.NEEDS_ANOTHER_REVIEW:
        return _("The reviewers disagree by more than %(spread)s points: one more facilitator must review it.") % {
            "spread": rubric.MAX_SPREAD
        }
    return _("At least %(count)s facilitators must review it before the decision.") % {"count": rubric.MIN_REVIEWS}


@require_POST
def return_practice(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=can_decide_practice)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return redirect(found)
    reason = form.cleaned_data["reason"]
    step = partial(actions.return_practice, found, by=request.user, reason=reason)
    return _run(request, found, step, _("Returned to the team with your comments."))


@require_POST
def decide(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=can_decide_practice)
    step = partial(actions.decide_practice, found, by=request.user)
    return _run(request, found, step, _("The decision is recorded as the rubric's thresholds give it."))


@require_POST
def publish(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=lambda user, _practice: manages_blokosuto(user))
    step = partial(actions.publish_practice, found, by=request.user)
    return _run(request, found, step, _("Published in the catalogue and on the class page."))
