"""Test data for BLOKOSUTO: practices made and moved through the real actions."""

import datetime

from blokosuto import actions, rubric
from blokosuto.models import GoodPractice, ThematicClass
from programs.models import Indicator
from regions.models import Kelurahan

D = datetime.date
MIROTO_KELURAHAN = ("33.74.01.1001", "33.74.01.1002")  # Miroto, Brumbungan
PONCOL_KELURAHAN = ("33.74.01.1007", "33.74.01.1008")  # Sekayu, Pandansari


def fields(**overrides) -> dict:
    return {
        "title": "Kelas ibu balita bersama kader posyandu",
        "thematic_class": ThematicClass.objects.get(code="cemerlang"),
        "team": "Tim gizi Puskesmas Miroto",
        "problem": "Balita stunting tinggi di RW padat; ibu jarang datang ke posyandu.",
        "baseline": "",
        "target_group": "Balita dan ibunya",
        "steps": "1. Kader dilatih mengukur panjang badan.\n2. Kelas ibu balita tiap bulan.",
        "started_on": D(2024, 6, 1),
        "stage": GoodPractice.Stage.IMPLEMENTED,
        "resources": "Antropometri kit, ruang RW",
        "cost": 2_500_000,
        "partner_sectors": ["kader", "kelurahan"],
        "partners": "PKK Kelurahan Miroto",
        "results": "Penurunan stunting dan pengukuran rutin.",
        "sustainability": "SK lurah, anggaran kelurahan.",
        "transferability": "Kader terlatih dan ruang pertemuan.",
        "contact_name": "Siti Rahayu",
        "contact_phone": "0812-0000-0000",
        "before_period": D(2025, 3, 1),
        "after_period": D(2025, 9, 1),
    } | overrides


def make_practice(owner, *, puskesmas, indicators=("STUNTING",), kelurahan=MIROTO_KELURAHAN, **overrides):
    return actions.save_practice(
        None,
        fields=fields(**overrides),
        indicators=Indicator.objects.filter(code__in=indicators),
        kelurahan=Kelurahan.objects.filter(code__in=kelurahan),
        puskesmas=puskesmas,
        by=owner,
    )


def scores(value: int = 5, **criteria) -> dict[str, int]:
    return dict.fromkeys(rubric.CRITERIA, value) | criteria


def reviewed(practice, reviewers, value: int = 5) -> GoodPractice:
    for reviewer in reviewers:
        actions.save_review(practice, reviewer=reviewer, scores=scores(value), comment="Bagus.")
    practice.refresh_from_db()
    return practice


def published(practice, *, reviewers, staf) -> GoodPractice:
    actions.submit_practice(practice, by=practice.created_by)
    reviewed(practice, reviewers)
    actions.decide_practice(practice, by=staf)
    return actions.publish_practice(practice, by=staf)


def form_post(**overrides) -> dict:
    """The POST data of the practice form, complete and valid for Miroto."""
    data = fields()
    post = {
        name: value
        for name, value in data.items()
        if name not in {"thematic_class", "partner_sectors", "before_period", "after_period", "started_on", "cost"}
    }
    post |= {
        "thematic_class": str(data["thematic_class"].pk),
        "partner_sectors": data["partner_sectors"],
        "started_on": "2024-06-01",
        "cost": "2.500.000",
        "before_period": "2025-03",
        "after_period": "2025-09",
        "indicators": [str(pk) for pk in Indicator.objects.filter(code="STUNTING").values_list("pk", flat=True)],
        "kelurahan": [
            str(pk) for pk in Kelurahan.objects.filter(code__in=MIROTO_KELURAHAN).values_list("pk", flat=True)
        ],
    }
    return post | overrides
