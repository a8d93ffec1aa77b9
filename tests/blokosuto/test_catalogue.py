"""The catalogue: published practices only, full-text search in Bahasa Indonesia (stemmed), filters,
and a constant number of queries whatever the number of practices."""

import pytest
from django.urls import reverse

from blokosuto import actions
from tests.blokosuto.builders import PONCOL_KELURAHAN, make_practice, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(people, miroto, poncol, classes):
    staf, reviewers = people.staf, [people.fac1, people.fac2]
    kader = published(make_practice(people.head_a, puskesmas=miroto), reviewers=reviewers, staf=staf)
    jamban = published(
        make_practice(
            people.head_b,
            puskesmas=poncol,
            title="Arisan jamban sehat",
            problem="Warga masih buang air besar sembarangan di bantaran sungai.",
            steps="Pemicuan STBM, arisan jamban bersama tokoh masyarakat.",
            results="Semua KK punya akses jamban.",
            team="Tim kesling Puskesmas Poncol",
            partners="Karang taruna",
            transferability="Pemicu STBM dan tokoh masyarakat.",
            stage="pilot",
            indicators=("JAMBAN_SEHAT",),
            kelurahan=PONCOL_KELURAHAN,
        ),
        reviewers=reviewers,
        staf=staf,
    )
    draft = make_practice(people.head_a, puskesmas=miroto, title="Pemberdayaan kader draf")
    return {"kader": kader, "jamban": jamban, "draft": draft}


def titles(response) -> list[str]:
    return [p.title for p in response.context["page"].object_list]


def test_only_published_practices_are_listed(client, people, practices):
    client.force_login(people.pimpinan)
    assert sorted(titles(client.get(reverse("blokosuto:catalogue")))) == [
        "Arisan jamban sehat",
        "Kelas ibu balita bersama kader posyandu",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jamban", ["Arisan jamban sehat"]),
        ("pemberdayaan kader", []),  # "berdaya" is not in the published one
        ("kader", ["Kelas ibu balita bersama kader posyandu"]),
        ("penurunan stunting", ["Kelas ibu balita bersama kader posyandu"]),  # results say "Penurunan"
        ("menurunkan stunting", ["Kelas ibu balita bersama kader posyandu"]),  # "penurunan": one stem
        ("pengukuran", ["Kelas ibu balita bersama kader posyandu"]),  # the steps say "mengukur"
        ("sungai", ["Arisan jamban sehat"]),  # in the problem
        ("diabetes", []),
    ],
)
def test_search_in_bahasa_indonesia(client, people, practices, query, expected):
    client.force_login(people.head_b)
    assert titles(client.get(reverse("blokosuto:catalogue"), {"q": query})) == expected


def test_filters(client, people, practices, classes):
    client.force_login(people.staf)
    url = reverse("blokosuto:catalogue")
    assert titles(client.get(url, {"kelas": "bersih"})) == []  # the jamban practice was sent to CEMERLANG
    assert titles(client.get(url, {"kelas": "cemerlang", "tahap": "pilot"})) == ["Arisan jamban sehat"]
    assert titles(client.get(url, {"indikator": "JAMBAN_SEHAT"})) == ["Arisan jamban sehat"]
    assert titles(client.get(url, {"kecamatan": "33.74.03"})) == []
    assert len(titles(client.get(url, {"kecamatan": "33.74.01"}))) == 2
    bad = client.get(url, {"kelas": "tidak-ada", "q": "jamban"})  # a bad filter: the form says so, all listed
    assert bad.status_code == 200
    assert bad.context["form"].errors["kelas"]


def test_constant_queries(client, people, practices, miroto, django_assert_num_queries):
    client.force_login(people.staf)
    url = reverse("blokosuto:catalogue")
    # session, user, roles, count, page, indicators of the page, choices: classes, kecamatan, indicators
    with django_assert_num_queries(9):
        client.get(url, {"q": "kader"})
    for number in range(5):
        published(
            make_practice(people.head_a, puskesmas=miroto, title=f"Kader {number}", indicators=("STUNTING", "WASTING")),
            reviewers=[people.fac1, people.fac2],
            staf=people.staf,
        )
    with django_assert_num_queries(9):
        response = client.get(url, {"q": "kader"})
    assert len(titles(response)) == 6


def test_replication_counts_on_the_cards(client, people, practices, poncol):
    actions.save_replication(
        None,
        practice=practices["kader"],
        puskesmas=poncol,
        fields={"status": "implemented", "started_on": practices["kader"].started_on},
        kelurahan=poncol.service_areas.values_list("kelurahan", flat=True),
        by=people.head_b,
    )
    client.force_login(people.head_b)
    cards = {p.title: p for p in client.get(reverse("blokosuto:catalogue")).context["page"].object_list}
    assert cards["Kelas ibu balita bersama kader posyandu"].replicated_in == 4
    assert cards["Arisan jamban sehat"].replicated_in == 0
