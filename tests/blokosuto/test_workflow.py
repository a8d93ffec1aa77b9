"""The review workflow per role: draft -> submitted -> in review -> returned / accepted / rejected
-> published; who may review, decide and publish; a submitter never reviews her own."""

import pytest
from django.urls import reverse

from blokosuto import actions
from blokosuto.models import Comment, GoodPractice, Review
from tests.blokosuto.builders import make_practice, reviewed, scores

pytestmark = pytest.mark.django_db
Status = GoodPractice.Status


def review_post(value=5) -> dict:
    return {**scores(value), "comment": "Kuat di pemberdayaan kader."}


@pytest.fixture
def submitted(people, miroto):
    practice = make_practice(people.head_a, puskesmas=miroto)
    return actions.submit_practice(practice, by=people.head_a)


def test_a_complete_draft_goes_to_its_class(client, people, miroto):
    practice = make_practice(people.head_a, puskesmas=miroto, results="", indicators=())
    client.force_login(people.head_a)
    response = client.post(reverse("blokosuto:practice_submit", args=[practice.pk]), follow=True)
    practice.refresh_from_db()
    assert practice.status == Status.DRAFT  # incomplete: the results and an indicator are missing
    assert len(response.context["messages"]) == 1
    practice.results = "Stunting turun."
    practice.save()
    practice.indicators.set(practice.thematic_class.indicators.filter(code="STUNTING"))
    client.post(reverse("blokosuto:practice_submit", args=[practice.pk]))
    practice.refresh_from_db()
    assert (practice.status, practice.round, practice.submitted_by) == (Status.SUBMITTED, 1, people.head_a)
    assert Comment.objects.get(practice=practice).step == Status.SUBMITTED


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("fac1", True), ("fac2", True), ("fac_other", False), ("head_a", False), ("head_b", False),
     ("staf", False), ("pimpinan", False), ("no_role", False)],
)  # fmt: skip
def test_only_facilitators_of_the_class_review(client, people, submitted, persona, allowed):
    client.force_login(getattr(people, persona))
    url = reverse("blokosuto:review", args=[submitted.pk])
    assert client.get(url).status_code == (200 if allowed else 404)
    response = client.post(url, review_post())
    assert response.status_code == (302 if allowed else 404)
    assert Review.objects.filter(practice=submitted).exists() is allowed


def test_a_submitter_never_reviews_her_own(client, people, miroto):
    """A Kepala Puskesmas who is also a facilitator of the class cannot review her puskesmas's practice."""
    people.head_a.groups.add(*people.fac1.groups.all())
    people.head_a.facilitated_classes.add(people.fac1.facilitated_classes.get())
    practice = actions.submit_practice(make_practice(people.head_a, puskesmas=miroto), by=people.head_a)
    client.force_login(people.head_a)
    assert client.post(reverse("blokosuto:review", args=[practice.pk]), review_post()).status_code == 404
    assert not Review.objects.exists()
    assert practice.pk not in [p.pk for p in client.get(reverse("blokosuto:index")).context["queue"]]


def test_first_review_puts_it_in_review_and_a_second_allows_the_decision(client, people, submitted):
    client.force_login(people.fac1)
    client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post(5))
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    client.force_login(people.staf)
    client.post(reverse("blokosuto:decide", args=[submitted.pk]))  # one review: not yet
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    client.force_login(people.fac2)
    client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post(4))
    client.post(reverse("blokosuto:decide", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert (submitted.status, submitted.category) == (Status.ACCEPTED, GoodPractice.Category.GOOD)


def test_a_review_can_be_changed_but_counts_once(client, people, submitted):
    client.force_login(people.fac1)
    client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post(2))
    client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post(4))
    review = Review.objects.get(practice=submitted)
    assert review.relevance == 4


def test_bad_scores_are_refused_with_nothing_saved(client, people, submitted):
    client.force_login(people.fac1)
    response = client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post() | {"equity": "9"})
    assert response.status_code == 200
    assert response.context["form"].errors["equity"]
    response = client.post(reverse("blokosuto:review", args=[submitted.pk]), review_post() | {"comment": " "})
    assert response.context["form"].errors["comment"]
    assert not Review.objects.exists()


def test_low_scores_reject(people, submitted):
    reviewed(submitted, [people.fac1, people.fac2], value=2)
    actions.decide_practice(submitted, by=people.fac3)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.category) == (Status.REJECTED, "")


def test_disagreement_waits_for_a_third_review(client, people, submitted):
    actions.save_review(submitted, reviewer=people.fac1, scores=scores(5), comment="Sangat baik.")
    actions.save_review(submitted, reviewer=people.fac2, scores=scores(3), comment="Bukti kurang.")
    client.force_login(people.staf)
    response = client.post(reverse("blokosuto:decide", args=[submitted.pk]), follow=True)
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    actions.save_review(submitted, reviewer=people.fac3, scores=scores(4), comment="Cukup.")
    client.post(reverse("blokosuto:decide", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert (submitted.status, submitted.category) == (Status.ACCEPTED, GoodPractice.Category.GOOD)


@pytest.mark.parametrize(
    ("persona", "allowed"), [("fac1", True), ("staf", True), ("head_a", False), ("fac_other", False)]
)
def test_returning_needs_a_reason_and_starts_a_new_round(client, people, submitted, persona, allowed):
    reviewed(submitted, [people.fac1])
    client.force_login(getattr(people, persona))
    url = reverse("blokosuto:return", args=[submitted.pk])
    assert client.post(url, {"reason": " "}).status_code == (302 if allowed else 404)
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    client.post(url, {"reason": "Lengkapi bukti pengukuran balita."})
    submitted.refresh_from_db()
    if not allowed:
        assert submitted.status == Status.IN_REVIEW
        return
    assert submitted.status == Status.RETURNED
    assert submitted.comments.filter(step=Status.RETURNED).get().text == "Lengkapi bukti pengukuran balita."
    actions.submit_practice(submitted, by=people.head_a)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.round) == (Status.SUBMITTED, 2)
    page = client.get(reverse("blokosuto:practice", args=[submitted.pk]))
    assert page.context["page"].reviews == []  # last round's reviews no longer count


@pytest.mark.parametrize(
    ("persona", "allowed"), [("staf", True), ("admin", True), ("fac1", False), ("pimpinan", False)]
)
def test_only_dinkes_publishes(client, people, submitted, persona, allowed):
    reviewed(submitted, [people.fac1, people.fac2])
    actions.decide_practice(submitted, by=people.fac1)
    client.force_login(getattr(people, persona))
    response = client.post(reverse("blokosuto:publish", args=[submitted.pk]))
    assert response.status_code == (302 if allowed else 404)
    submitted.refresh_from_db()
    assert (submitted.status == Status.PUBLISHED) is allowed


def test_steps_out_of_order_are_refused(people, submitted):
    with pytest.raises(actions.WrongStatusError):
        actions.publish_practice(submitted, by=people.staf)
    with pytest.raises(actions.WrongStatusError):
        actions.submit_practice(submitted, by=people.head_a)
    with pytest.raises(actions.NotDecidableError):
        actions.decide_practice(reviewed(submitted, [people.fac1]), by=people.staf)


def test_the_head_cannot_change_a_submitted_practice(client, people, submitted):
    client.force_login(people.head_a)
    response = client.post(reverse("blokosuto:practice_edit", args=[submitted.pk]), {"title": "Baru"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.title != "Baru"
