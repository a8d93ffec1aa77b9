"""`make bench`: the BLOKOSUTO catalogue searched over 10,000 synthetic published practices, against
the baseline of the same run, with the number of queries of each page (constant by design).

`run(client, baseline)` expects a logged-in client with a role on the bench database, inside
override_settings(ROOT_URLCONF="bench.urls"); it adds the synthetic practices unless they are there.
"""

import random
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from bench.harness import Timing, measure, report
from blokosuto.models import GoodPractice, ThematicClass
from blokosuto.queries import recommended_practices
from programs.models import Indicator
from regions.models import Puskesmas

PRACTICES = 10_000
MARK = "BENCH"  # the synthetic practices' team, so a rerun finds them
ACTIONS = ["Kelas", "Pendampingan", "Sweeping", "Gerakan", "Arisan", "Pojok", "Posbindu", "Dapur", "Kunjungan rumah"]
TOPICS = ["ibu balita", "imunisasi", "jamban sehat", "TBC", "hipertensi", "ODGJ", "JKN", "ibu hamil", "gizi balita",
          "PHBS sekolah", "lansia", "stunting", "diabetes", "kader posyandu"]  # fmt: skip
WORDS = ["kader", "kelurahan", "posyandu", "pemberdayaan", "penurunan", "pengukuran", "rujukan", "sekolah", "pabrik",
         "tokoh agama", "karang taruna", "bidan", "sanitasi", "pendataan", "pengingat", "kunjungan"]  # fmt: skip
PAGES = [
    ("catalogue, search 'stunting kader'", "/blokosuto/katalog/?q=stunting+kader"),
    ("catalogue, search + class + stage filters", "/blokosuto/katalog/?q=imunisasi&kelas=ceria&tahap=pilot"),
    ("catalogue, kecamatan filter, page 20", "/blokosuto/katalog/?kecamatan=33.74.01&page=20"),
    ("catalogue, newest first (no search)", "/blokosuto/katalog/"),
]


def seed_practices(rng: random.Random) -> int:
    """PRACTICES published practices of random classes, puskesmas and words, and their indicators."""
    author = User.objects.filter(is_superuser=True).first()
    classes = list(ThematicClass.objects.prefetch_related("indicators"))
    puskesmas = list(Puskesmas.objects.active())
    now = timezone.now()
    practices = []
    for number in range(PRACTICES):
        words = " ".join(rng.sample(WORDS, 6))
        practices.append(
            GoodPractice(
                title=f"{rng.choice(ACTIONS)} {rng.choice(TOPICS)} {number}",
                thematic_class=rng.choice(classes),
                puskesmas=rng.choice(puskesmas),
                team=MARK,
                problem=f"Masalah {rng.choice(TOPICS)}: {words}.",
                target_group="Warga sasaran",
                steps=f"Langkah: {' '.join(rng.sample(WORDS, 5))}.",
                results=f"Hasil {rng.choice(TOPICS)}.",
                started_on=now.date(),
                stage=rng.choice(GoodPractice.Stage.values),
                contact_name="Bench",
                status=GoodPractice.Status.PUBLISHED,
                published_at=now,
                created_by=author,
            )
        )
    GoodPractice.objects.bulk_create(practices, batch_size=2000)
    links = [
        GoodPractice.indicators.through(goodpractice_id=p.pk, indicator_id=indicator.pk)
        for p in practices
        for indicator in rng.sample(
            list(p.thematic_class.indicators.all()), min(2, p.thematic_class.indicators.count())
        )
    ]
    GoodPractice.indicators.through.objects.bulk_create(links, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {GoodPractice._meta.db_table}")
    return len(practices)


def queries_of(action) -> int:
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context)


def run(client, baseline: Timing) -> None:
    if not GoodPractice.objects.filter(team=MARK).exists():
        started = time.perf_counter()
        count = seed_practices(random.Random(5))
        print(f"\nblokosuto: {count} synthetic published practices in {time.perf_counter() - started:.1f} s")
    for name, url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        found, queries = response.context["page"].paginator.count, queries_of(lambda u=url: client.get(u))
        print(f"  {name}: {found} found, {queries} queries")
    codes = list(Indicator.objects.values_list("code", flat=True)[:6])
    queries = queries_of(lambda: recommended_practices(indicator_codes=codes))
    print(f"  recommended_practices for {len(codes)} indicators: {queries} queries")
    timings = [measure(name, lambda url=url: client.get(url), runs=100) for name, url in PAGES]
    timings.append(
        measure("recommended_practices (6 indicators)", lambda: recommended_practices(indicator_codes=codes))
    )
    report(
        f"BLOKOSUTO catalogue over {PRACTICES:,} published practices (in-process, p50/p95)",
        [baseline, *timings],
        baseline,
    )
