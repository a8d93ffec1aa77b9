"""The pages: who sees which practice, pinned query counts, sessions, the certificate."""

import pytest
from django.urls import reverse

from blokosuto import actions
from blokosuto.models import Award, ClassSession, Comment, GoodPractice
from regions.models import Puskesmas
from tests.blokosuto.builders import PONCOL_KELURAHAN, D, form_post, make_practice, published, reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts_and_published(people, miroto, poncol):
    draft = make_practice(people.head_a, puskesmas=miroto, title="Draf Miroto")
    sent = actions.submit_practice(make_practice(people.head_a, puskesmas=miroto, title="Terkirim"), by=people.head_a)
    public = published(
        make_practice(people.head_b, puskesmas=poncol, title="Terbit", kelurahan=PONCOL_KELURAHAN),
        reviewers=[people.fac1, people.fac2],
        staf=people.staf,
    )
    return {"draft": draft, "sent": sent, "public": public}


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("head_a", {"draft", "sent", "public"}),
        ("head_b", {"public"}),  # another puskesmas's draft and submission: 404
        ("staf", {"sent", "public"}),  # drafts stay with their unit
        ("pimpinan", {"sent", "public"}),
        ("fac1", {"sent", "public"}),
        ("fac_other", {"public"}),  # a facilitator of another class
    ],
)
def test_who_sees_which_practice(client, people, drafts_and_published, persona, sees):
    client.force_login(getattr(people, persona))
    for name, practice in drafts_and_published.items():
        status = client.get(reverse("blokosuto:practice", args=[practice.pk])).status_code
        assert status == (200 if name in sees else 404), name


def test_a_head_cannot_change_another_puskesmas_draft(client, people, drafts_and_published):
    draft = drafts_and_published["draft"]
    client.force_login(people.head_b)
    assert client.get(reverse("blokosuto:practice_edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("blokosuto:practice_submit", args=[draft.pk])).status_code == 404
    client.force_login(people.staf)  # Dinkes does not write a puskesmas's practice either
    assert client.get(reverse("blokosuto:practice_edit", args=[draft.pk])).status_code == 404


def test_users_without_a_role_are_refused(client, people, drafts_and_published):
    client.force_login(people.no_role)
    assert client.get(reverse("blokosuto:index")).status_code == 403
    assert client.get(reverse("blokosuto:practice", args=[drafts_and_published["public"].pk])).status_code == 404


def test_who_may_write_a_practice(client, people):
    for persona, status in [("head_a", 200), ("staf", 200), ("fac1", 404), ("pimpinan", 404)]:
        client.force_login(getattr(people, persona))
        assert client.get(reverse("blokosuto:practice_create")).status_code == status, persona


def test_dinkes_team_practice(client, people):
    client.force_login(people.staf)
    response = client.post(reverse("blokosuto:practice_create"), form_post(team="Tim gizi Dinkes"))
    assert response.status_code == 302
    practice = GoodPractice.objects.get(team="Tim gizi Dinkes")
    assert practice.puskesmas is None
    assert practice.cost == 2_500_000
    client.force_login(people.admin)  # another Dinkes manager may carry the Dinkes team's draft on
    assert client.get(reverse("blokosuto:practice_edit", args=[practice.pk])).status_code == 200


def test_index_lists_the_nine_classes_and_the_queue(client, people, drafts_and_published):
    client.force_login(people.fac2)
    response = client.get(reverse("blokosuto:index"))
    assert [card.thematic_class.name for card in response.context["classes"]] == [
        "CERMIN", "CERIA", "WARAS", "KUAT", "KASIH", "CEMERLANG", "BERSIH", "JAGA", "PASTI",
    ]  # fmt: skip
    assert [p.title for p in response.context["queue"]] == ["Terkirim"]
    cemerlang = next(c for c in response.context["classes"] if c.thematic_class.code == "cemerlang")
    assert (cemerlang.published, cemerlang.in_review) == (1, 1)


def grow(people, miroto, poncol, practice):
    """More of what the class page lists: published practices, replications, sessions."""
    actions.add_comment(practice, by=people.head_a, text="Terima kasih.")
    actions.save_replication(
        None,
        practice=practice,
        puskesmas=miroto,
        fields={"status": "pilot", "started_on": D(2025, 5, 1)},
        kelurahan=miroto.service_areas.values_list("kelurahan", flat=True)[:3],
        by=people.head_a,
    )
    other = published(
        make_practice(people.head_a, puskesmas=miroto, title="Lain"),
        reviewers=[people.fac1, people.fac2],
        staf=people.staf,
    )
    actions.save_replication(
        None, practice=other, puskesmas=poncol, fields={"status": "interest"}, kelurahan=[], by=people.head_b
    )
    for day in (3, 17):
        ClassSession.objects.create(
            thematic_class=practice.thematic_class,
            date=D(2026, 1, day),
            venue="Aula",
            topic="Topik",
            created_by=people.staf,
        )


def test_class_page_queries_are_constant(
    client, people, miroto, poncol, drafts_and_published, django_assert_num_queries
):
    client.force_login(people.pimpinan)
    url = reverse("blokosuto:class", args=["cemerlang"])
    # session, user, roles, class, sessions, practices, their indicators, facilitators, indicators, permissions (2)
    with django_assert_num_queries(11):
        client.get(url)
    grow(people, miroto, poncol, drafts_and_published["public"])
    with django_assert_num_queries(11):
        response = client.get(url)
    page = response.context["page"]
    assert [p.title for p in page.practices] == ["Terbit", "Lain"]  # replicated in 3 kelurahan first
    assert page.practices[0].replicated_in == 3


def test_practice_page_queries_are_constant(
    client, people, miroto, poncol, drafts_and_published, django_assert_num_queries
):
    practice = drafts_and_published["public"]
    actions.save_replication(
        None, practice=practice, puskesmas=miroto, fields={"status": "plan"}, kelurahan=[], by=people.head_a
    )
    client.force_login(people.head_a)
    url = reverse("blokosuto:practice", args=[practice.pk])
    # session, user, roles, permissions (2), practice, own puskesmas, replications and their kelurahan,
    # measurements, reviews, indicators, kelurahan, evidence, comments, awards
    with django_assert_num_queries(16):
        client.get(url)
    halmahera = Puskesmas.objects.get(code="puskesmas-halmahera")
    actions.save_replication(
        None,
        practice=practice,
        puskesmas=halmahera,
        fields={"status": "implemented", "started_on": D(2025, 5, 1)},
        kelurahan=halmahera.service_areas.values_list("kelurahan", flat=True),
        by=people.staf,
    )
    for text in ("Terima kasih.", "Boleh minta SOP-nya?"):
        actions.add_comment(practice, by=people.head_a, text=text)
    Award.objects.create(
        practice=practice, name="GEMILANG", awarded_on=D(2026, 1, 5), citation="Hebat", awarded_by=people.staf
    )
    with django_assert_num_queries(16):
        response = client.get(url)
    assert response.context["page"].replicated_in == 2
    assert "Boleh minta SOP-nya?" in response.content.decode()


def test_submitter_sees_the_reviews_a_stranger_does_not(client, people, drafts_and_published):
    sent = reviewed(drafts_and_published["sent"], [people.fac1])
    client.force_login(people.head_a)
    assert "Bagus." in client.get(reverse("blokosuto:practice", args=[sent.pk])).content.decode()
    public = drafts_and_published["public"]
    client.force_login(people.head_a)  # Miroto reads Poncol's published practice: no reviews shown
    assert "Bagus." not in client.get(reverse("blokosuto:practice", args=[public.pk])).content.decode()


def test_comments_stay_with_the_practice(client, people, drafts_and_published):
    sent = drafts_and_published["sent"]
    client.force_login(people.fac1)
    client.post(reverse("blokosuto:comment", args=[sent.pk]), {"text": "Data bulan Maret ada?"})
    client.post(reverse("blokosuto:comment", args=[sent.pk]), {"text": "   "})
    assert list(Comment.objects.filter(practice=sent, step="").values_list("text", flat=True)) == [
        "Data bulan Maret ada?"
    ]


def test_recording_a_session_with_participants(client, people, classes):
    client.force_login(people.fac1)
    url = reverse("blokosuto:session_create", args=["cemerlang"])
    data = {"date": "2026-02-10", "venue": "Aula Dinkes", "topic": "PMT lokal", "facilitator": people.fac1.pk,
            "participant_lines": "Siti Rahayu; Puskesmas Poncol\n\nBudi Santoso\tKelurahan Sekayu\nEko"}  # fmt: skip
    response = client.post(url, data)
    session = ClassSession.objects.get()
    assert response.status_code == 302
    assert list(session.participants.values_list("name", "unit")) == [
        ("Siti Rahayu", "Puskesmas Poncol"), ("Budi Santoso", "Kelurahan Sekayu"), ("Eko", ""),
    ]  # fmt: skip
    assert client.get(reverse("blokosuto:session", args=[session.pk])).status_code == 200
    too_long = client.post(url, data | {"participant_lines": "x" * 121})
    assert too_long.status_code == 200
    assert ClassSession.objects.count() == 1
    client.force_login(people.fac_other)
    assert client.get(url).status_code == 404
    client.force_login(people.head_a)
    assert client.get(url).status_code == 404


def test_award_and_certificate(client, people, drafts_and_published):
    public, sent = drafts_and_published["public"], drafts_and_published["sent"]
    client.force_login(people.staf)
    award = {"name": "GEMILANG", "recipient": "team", "awarded_on": "2026-02-01", "citation": "Inovasi terbaik."}
    assert client.post(reverse("blokosuto:award_create", args=[sent.pk]), award).status_code == 302
    assert not Award.objects.exists()  # only a published practice is awarded
    client.post(reverse("blokosuto:award_create", args=[public.pk]), award)
    given = Award.objects.get()
    client.force_login(people.head_a)  # every role reading the practice may print it
    response = client.get(reverse("blokosuto:certificate", args=[given.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.post(reverse("blokosuto:award_create", args=[public.pk]), award).status_code == 404
