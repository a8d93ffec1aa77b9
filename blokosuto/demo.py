"""Demo BLOKOSUTO data: facilitators of the nine classes, their sessions, a dozen practices across
every workflow state with reviews, replications and an award, marked as demo (made by demo users).

The before/after values are read from the demo monthly reports (reports/demo.py) like any other:
run after seed_reports. A rerun replaces what demo users made and leaves everything else alone.
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES, upsert_demo_user
from accounts.models import User
from accounts.roles import Role
from blokosuto import actions, rubric
from blokosuto.models import Award, ClassSession, GoodPractice, Replication, ThematicClass
from programs.models import Indicator
from regions.models import Kelurahan, ServiceArea
from reports.queries import months_before

Status = GoodPractice.Status
# (class, title, indicators, stage, target status, partners, problem, steps, results)
PRACTICES = [
    ("cemerlang", "Kelas ibu balita dan PMT lokal bersama kader", ["STUNTING", "DS"], "implemented", "published",
     ["kader", "kelurahan", "company"], "Prevalensi stunting tinggi di RW padat; ibu balita jarang datang ke posyandu.",
     "1. Kader dilatih mengukur panjang badan.\n2. Kelas ibu balita tiap bulan.\n3. PMT lokal dari dapur sehat "
     "kelurahan dengan bahan dari CSR.", "Balita yang diukur naik, stunting turun di dua kelurahan."),
    ("bersih", "Arisan jamban sehat", ["JAMBAN_SEHAT"], "implemented", "published", ["community", "kelurahan"],
     "Masih ada KK tanpa jamban sehat di bantaran sungai.", "1. Pemicuan STBM.\n2. Arisan jamban per RT.\n"
     "3. Tukang lokal dilatih membuat septic tank kedap.", "Akses jamban sehat naik; RW bebas BABS dideklarasikan."),
    ("ceria", "Sweeping imunisasi door to door", ["IDL"], "implemented", "published", ["kader", "community"],
     "Bayi tidak lengkap imunisasi karena orang tua ragu dan sibuk bekerja.", "1. Data sasaran dicocokkan dengan "
     "kohort.\n2. Kader dan bidan mendatangi rumah.\n3. Tokoh agama memberi penjelasan.", "Cakupan IDL naik."),
    ("kasih", "Pendampingan ibu hamil oleh kader PERMAISURI", ["SPM_01_BUMIL", "K1"], "implemented", "published",
     ["kader", "kelurahan"], "Ibu hamil terlambat K1 dan tidak lengkap K6.", "1. Satu kader mendampingi lima ibu "
     "hamil.\n2. Pengingat jadwal ANC lewat WhatsApp.\n3. Rujukan risiko tinggi dikawal.", "K1 dan K6 lebih baik."),
    ("jaga", "Pojok JKN di kantor kelurahan", ["JKN"], "implemented", "published", ["kelurahan", "agency"],
     "Warga miskin belum terdaftar JKN atau kepesertaan PBI nonaktif.", "1. Petugas kelurahan dan puskesmas "
     "membuka pojok JKN tiap Selasa.\n2. Data dari Dinas Sosial dicocokkan.", "Kepesertaan JKN naik."),
    ("cermin", "Investigasi kontak TBC bersama kader", ["SPM_11_TBC", "TBC_TSR"], "pilot", "published",
     ["kader", "ngo"], "Terduga TBC kontak serumah tidak diperiksa.", "1. Kader TBC mengunjungi kontak serumah.\n"
     "2. Dahak diantar ke puskesmas.\n3. Pengawas minum obat dari keluarga.", "Lebih banyak terduga diperiksa."),
    ("kuat", "Posbindu di tempat kerja", ["SPM_06_PRODUKTIF", "SPM_08_HIPERTENSI"], "pilot", "accepted",
     ["company"], "Pekerja pabrik tidak sempat skrining PTM.", "1. Posbindu di pabrik saat jam istirahat.\n"
     "2. Hasil dirujuk ke puskesmas.", "Skrining usia produktif naik."),
    ("waras", "Kelurahan siaga sehat jiwa", ["SPM_10_ODGJ"], "pilot", "in_review", ["kader", "community"],
     "ODGJ berat putus obat dan ada yang dipasung.", "1. Kader jiwa dilatih.\n2. Kunjungan rumah bulanan.\n"
     "3. Obat diantar bila pasien tidak bisa datang.", "Pasien kontrol rutin."),
    ("cemerlang", "Dapur gizi RW untuk balita gizi kurang", ["WASTING", "UNDERWEIGHT"], "pilot", "submitted",
     ["kelurahan", "community"], "Balita gizi kurang tidak naik berat badannya.", "1. Dapur RW memasak menu "
     "lokal.\n2. Penimbangan tiap dua minggu.", "Sebagian balita naik berat badan."),
    ("kasih", "Kunjungan neonatal lengkap dengan pengingat", ["SPM_03_BBL", "KN1"], "pilot", "returned",
     ["kader"], "Bayi baru lahir tidak mendapat KN2 dan KN3.", "1. Bidan dikirimi daftar bayi lahir.\n"
     "2. Kader mengingatkan jadwal.", "KN lengkap naik."),
    ("bersih", "Lomba PHBS sekolah", ["SPM_05_DIKDAS"], "idea", "rejected", ["school"],
     "Anak sekolah jarang cuci tangan pakai sabun.", "1. Lomba antarkelas.", "Belum diukur."),
    ("kuat", "Senam hipertensi tiap Minggu pagi", ["SPM_08_HIPERTENSI"], "idea", "draft", ["community"],
     "Penderita hipertensi tidak rutin kontrol.", "1. Senam bersama.\n2. Cek tensi setelah senam.", ""),
]  # fmt: skip
REPLICATION_LADDER = [Replication.Status.IMPLEMENTED, Replication.Status.PILOT, Replication.Status.PLAN,
                      Replication.Status.INTEREST, Replication.Status.STOPPED]  # fmt: skip
VENUES = ["Aula Dinkes Kota Semarang", "Ruang rapat Puskesmas", "Balai Kota Semarang", "Kantor Kelurahan"]


@transaction.atomic
def seed_blokosuto(rng: random.Random) -> str:
    """Replaces the demo BLOKOSUTO data; returns a one-line summary."""
    _remove_demo_data()
    today = timezone.localdate()
    staf = User.objects.filter(username="staf").first() or User.objects.filter(is_superuser=True).first()
    classes = {c.code: c for c in ThematicClass.objects.all()}
    facilitators = _facilitators(rng, classes)
    sessions = sum(_sessions(rng, c, facilitators[c.code], today, by=staf) for c in classes.values())
    heads = list(User.objects.filter(groups__name=Role.KEPALA_PUSKESMAS, puskesmas__isnull=False).order_by("username"))
    if not heads or staf is None:
        return f"BLOKOSUTO: {len(classes)} classes, {sessions} sessions; no demo heads, so no practices."
    current = today.replace(day=1)
    periods = (months_before(current, 14), months_before(current, 3))
    practices, replications = [], 0
    for spec in PRACTICES:
        head = rng.choice(heads)
        practice = _practice(rng, spec, classes[spec[0]], head, periods)
        _advance(rng, practice, spec[4], facilitators[spec[0]], staf)
        practice.refresh_from_db()
        practices.append(practice)
        if practice.status == Status.PUBLISHED:
            replications += _replications(rng, practice, [h for h in heads if h.puskesmas_id != head.puskesmas_id])
    best = max(
        (p for p in GoodPractice.objects.published().with_effect() if p.created_by.email.endswith(DEMO_EMAIL_DOMAIN)),
        key=lambda p: (p.improvement or 0, p.replicated_in),
        default=None,
    )
    if best:
        actions.award_practice(
            best, by=staf, name="GEMILANG", recipient=Award.Recipient.TEAM, awarded_on=today,
            citation="Atas praktik baik yang terbukti memperbaiki indikator dan direplikasi puskesmas lain.",
        )  # fmt: skip
    published = sum(p.status == Status.PUBLISHED for p in practices)
    return (
        f"BLOKOSUTO: {len(classes)} classes, {sum(map(len, facilitators.values()))} facilitator places, "
        f"{sessions} sessions, {len(practices)} practices ({published} published), {replications} replications."
    )


def demo_blokosuto_present() -> bool:
    return GoodPractice.objects.filter(created_by__email__endswith=DEMO_EMAIL_DOMAIN).exists()


def _remove_demo_data() -> None:
    made_by_demo = {"created_by__email__endswith": DEMO_EMAIL_DOMAIN}
    demo_practices = GoodPractice.objects.filter(**made_by_demo)
    Award.objects.filter(practice__in=demo_practices).delete()
    demo_practices.delete()
    ClassSession.objects.filter(**made_by_demo).delete()


def _facilitators(rng: random.Random, classes: dict[str, ThematicClass]) -> dict[str, list[User]]:
    """Two per class: the demo `fasilitator` of every class, and one of the class's own (added to any
    facilitators Dinkes named)."""
    general = User.objects.filter(username="fasilitator").first()
    chosen = {}
    for code, thematic_class in classes.items():
        own = upsert_demo_user(
            f"fasilitator-{code}",
            Role.FASILITATOR,
            settings.DEMO_PASSWORD,
            first_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            last_name="(demo)",
        )
        chosen[code] = [own, general] if general else [own]
        thematic_class.facilitators.add(*chosen[code])
    return chosen


def _sessions(rng: random.Random, thematic_class, facilitators: list[User], today: datetime.date, *, by) -> int:
    everyone = list(User.objects.filter(puskesmas__isnull=False).select_related("puskesmas").order_by("username"))
    heads = rng.sample(everyone, min(8, len(everyone)))
    days = [today - datetime.timedelta(days=rng.randint(50, 70)), today - datetime.timedelta(days=rng.randint(15, 30)),
            today + datetime.timedelta(days=rng.randint(7, 40))]  # fmt: skip
    topics = ["Berbagi praktik baik", "Klinik data: indikator kelas", "Rencana replikasi antarpuskesmas"]
    for day, topic in zip(days, topics, strict=True):
        past = day < today
        actions.record_session(
            thematic_class,
            fields={
                "date": day,
                "venue": rng.choice(VENUES),
                "topic": f"{topic} {thematic_class.name}",
                "facilitator": rng.choice(facilitators),
                "notes": "Peserta memaparkan capaian dan kendala wilayahnya." if past else "",
                "follow_ups": "Tiap puskesmas mengirim rencana replikasi dalam dua minggu." if past else "",
            },
            participants=[(h.get_full_name(), h.puskesmas.name) for h in heads[: rng.randint(5, 8)]] if past else [],
            by=by,
        )
    return len(days)


def _area(puskesmas_id: int, today: datetime.date) -> list[int]:
    return list(ServiceArea.objects.on(today).filter(puskesmas_id=puskesmas_id).values_list("kelurahan", flat=True))


def _practice(rng: random.Random, spec: tuple, thematic_class, head: User, periods) -> GoodPractice:
    _code, title, indicators, stage, status, partners, problem, steps, results = spec
    area = _area(head.puskesmas_id, timezone.localdate())
    return actions.save_practice(
        None,
        fields={
            "title": title,
            "thematic_class": thematic_class,
            "team": f"Tim {thematic_class.theme.lower()} {head.puskesmas.name}",
            "problem": problem,
            "target_group": "Warga sasaran di wilayah kerja",
            "steps": steps,
            "started_on": periods[0] - datetime.timedelta(days=20),
            "stage": stage,
            "resources": "Tenaga puskesmas, kader, ruang pertemuan kelurahan.",
            "cost": rng.choice([None, 1_500_000, 4_000_000, 12_500_000]),
            "partner_sectors": partners,
            "partners": "Kelurahan, PKK, kader posyandu",
            "results": results,
            "sustainability": "SK kepala puskesmas dan anggaran BOK." if status != "draft" else "",
            "transferability": "Kader terlatih, dukungan lurah, data sasaran per RW.",
            "contact_name": head.get_full_name(),
            "contact_phone": "024-000000",
            "before_period": periods[0],
            "after_period": periods[1],
        },
        indicators=Indicator.objects.filter(code__in=indicators),
        kelurahan=Kelurahan.objects.filter(pk__in=rng.sample(area, min(len(area), rng.randint(1, 3)))),
        puskesmas=head.puskesmas,
        by=head,
    )


def _advance(rng: random.Random, practice: GoodPractice, target: str, reviewers: list[User], staf: User) -> None:
    """Moves the practice through the real workflow to `target`."""
    if target == Status.DRAFT:
        return
    actions.submit_practice(practice, by=practice.created_by)
    if target == Status.SUBMITTED:
        return
    base = {"published": 5, "accepted": 4, "in_review": 4, "returned": 3, "rejected": 2}[target]
    for reviewer in reviewers[: 1 if target == Status.IN_REVIEW else 2]:
        scores = {c: max(1, min(5, base - rng.choice([0, 0, 1]))) for c in rubric.CRITERIA}
        actions.save_review(practice, reviewer=reviewer, scores=scores, comment="Paparan jelas; lengkapi bukti foto.")
    if target == Status.RETURNED:
        actions.return_practice(practice, by=reviewers[0], reason="Lengkapi data KN2 dan KN3 per kelurahan.")
    elif target in {Status.ACCEPTED, Status.PUBLISHED, Status.REJECTED}:
        actions.decide_practice(practice, by=staf)
    if target == Status.PUBLISHED:
        actions.publish_practice(practice, by=staf)


def _replications(rng: random.Random, practice: GoodPractice, heads: list[User]) -> int:
    adopters = rng.sample(heads, min(len(heads), rng.randint(1, 3)))
    for head, status in zip(adopters, rng.sample(REPLICATION_LADDER, len(adopters)), strict=False):
        running = status in {*Replication.Status.counted(), Replication.Status.STOPPED}
        area = _area(head.puskesmas_id, timezone.localdate())
        actions.save_replication(
            None,
            practice=practice,
            puskesmas=head.puskesmas,
            fields={
                "status": status,
                "started_on": practice.before_period if running else None,
                "stopped_on": practice.after_period if status == Replication.Status.STOPPED else None,
                "adaptation_notes": "Jadwal disesuaikan dengan hari posyandu setempat." if running else "",
                "mentor": practice.created_by,
                "before_period": practice.before_period if running else None,
                "after_period": practice.after_period if running else None,
            },
            kelurahan=rng.sample(area, min(len(area), 2)) if running else [],
            by=head,
        )
    return len(adopters)
