"""Demo target populations: plausible, deterministic and marked as demo in their source."""

from __future__ import annotations

import random

from django.utils import timezone

from regions.models import Kelurahan, Population

DEMO_SOURCE = "DEMO: angka contoh, bukan data resmi"
Group = Population.Group

# Share of the total population in each target group: rough national proportions, for the demo
# only (live births ~13.5 per 1,000; pregnant women 1.1 x births; under fives ~7.5 %; SPM
# estimates of hypertension, diabetes and severe mental disorder from prevalence x adults).
GROUP_SHARE = {
    Group.LAHIR_HIDUP: 0.0135,
    Group.BAYI: 0.0133,
    Group.BUMIL: 0.0149,
    Group.BULIN: 0.0142,
    Group.BADUTA: 0.0266,
    Group.BALITA: 0.075,
    Group.USIA_DIKDAS: 0.135,
    Group.USIA_PRODUKTIF: 0.67,
    Group.LANSIA: 0.11,
    Group.HIPERTENSI: 0.24,
    Group.DM: 0.016,
    Group.ODGJ_BERAT: 0.0019,
}
YEARS = 3


def seed_populations(rng: random.Random) -> int:
    """Writes the targets of every kelurahan for the last three years; returns the rows written."""
    this_year = timezone.localdate().year
    years = range(this_year - YEARS + 1, this_year + 1)
    rows = []
    for kelurahan in Kelurahan.objects.order_by("code"):
        base = int(rng.lognormvariate(9.1, 0.45))  # median ~9,000 people
        # Each kelurahan has its own make-up (younger, older), kept from year to year.
        shares = {group: share * rng.uniform(0.85, 1.15) for group, share in GROUP_SHARE.items()}
        for offset, year in enumerate(years):
            penduduk = round(base * 1.006**offset)
            rows.append(Population(kelurahan=kelurahan, year=year, group=Group.PENDUDUK, value=penduduk))
            for group, share in shares.items():
                value = round(penduduk * share * rng.uniform(0.98, 1.02))
                rows.append(Population(kelurahan=kelurahan, year=year, group=group, value=value))
    for row in rows:
        row.source = DEMO_SOURCE
    Population.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["kelurahan", "year", "group"],
        update_fields=["value", "source"],
    )
    return len(rows)
