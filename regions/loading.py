"""Loads Kota Semarang's reference data shipped in regions/data/semarang/ (see its SOURCES.md).

Idempotent: a second run changes nothing. Kecamatan and kelurahan follow the shipped files
(Kepmendagri is the authority). Puskesmas and working areas are only created where missing, so a
correction Dinkes made in the admin is never overwritten by a reload.
"""

from __future__ import annotations

import csv
import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction
from django.utils.text import slugify

from regions import geo
from regions.models import Kecamatan, Kelurahan, Puskesmas, ServiceArea

DATA_DIR = Path(__file__).resolve().parent / "data" / "semarang"
# The provisional working areas are taken to hold from this day, before any report in the portal.
PROVISIONAL_VALID_FROM = datetime.date(2020, 1, 1)
# puskesmas.csv marks a puskesmas still being built as "planned_2025" (Kaligawe).
INACTIVE_STATUSES = {"planned_2025"}
# What each `status` of puskesmas.csv says about the puskesmas (see SOURCES.md).
STATUS_TEXT = {
    "in_2009_list": "tercantum dalam daftar 37 puskesmas Profil Kesehatan Kota Semarang 2008/2009",
    "in_2009_list_inferred": "melengkapi daftar 37 puskesmas 2009, disimpulkan dari daftar publik 2024–2025",
    "later_addition_inferred": "tambahan setelah 2009 menurut daftar publik 2024–2025, belum diverifikasi",
    "planned_2025": "puskesmas baru yang masih dibangun (berita Januari 2025), belum melayani",
}
LOCATION_BASIS = {
    "address": "pusat kelurahan alamat publiknya",
    "name": "pusat kelurahan yang bernama sama",
    "farthest": "pusat kelurahan kecamatannya yang terjauh dari puskesmas lain (alamat tidak diketahui)",
}


@dataclass
class Changes:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def _read_csv(name: str, data_dir: Path) -> list[dict[str, str]]:
    with open(data_dir / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _sync(model, rows: dict[str, dict], changes: Changes, *, update: bool = True) -> dict[str, object]:
    """Creates the rows missing by code and, with `update`, rewrites fields that differ."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        differing = {name for name, value in values.items() if _stored(obj, name) != _comparable(value)}
        if update and differing:
            for name in differing:
                setattr(obj, name, values[name])
            fields |= differing
            to_update.append(obj)
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields))
    label = model._meta.model_name
    changes.created[label] = len(to_create)
    changes.updated[label] = len(to_update)
    return {obj.code: obj for obj in model.objects.all()}


def _stored(obj: models.Model, name: str) -> object:
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname)  # a foreign key's id, so the comparison costs no query


def _comparable(value: object) -> object:
    return value.pk if isinstance(value, models.Model) else value


@transaction.atomic
def load_semarang(data_dir: Path = DATA_DIR) -> Changes:
    changes = Changes()
    kecamatan = _sync(
        Kecamatan, {r["code"]: {"name": r["name"]} for r in _read_csv("kecamatan.csv", data_dir)}, changes
    )

    with open(data_dir / "semarang-kelurahan.geojson", encoding="utf-8") as f:
        features = {feat["properties"]["code"]: feat for feat in json.load(f)["features"]}
    kelurahan_rows = {}
    for r in _read_csv("kelurahan.csv", data_dir):
        feature = features.get(r["code"])
        props = feature["properties"] if feature else {}
        kelurahan_rows[r["code"]] = {
            "name": r["name"],
            "kecamatan": kecamatan[r["kecamatan_code"]],
            "boundary": feature["geometry"] if feature else None,
            "centroid_lat": props.get("centroid_lat"),
            "centroid_lng": props.get("centroid_lng"),
        }
    kelurahan = _sync(Kelurahan, kelurahan_rows, changes)

    puskesmas = _sync(Puskesmas, _puskesmas_rows(data_dir, kecamatan, kelurahan), changes, update=False)
    kecamatan_codes = {k.pk: code for code, k in kecamatan.items()}
    changes.created["servicearea"] = _create_provisional_service_areas(kelurahan, puskesmas, kecamatan_codes)
    return changes


def _sites(kelurahan: dict[str, Kelurahan]) -> list[geo.KelurahanSite]:
    return [
        geo.KelurahanSite(k.code, k.name, k.code[:8], (k.centroid_lat, k.centroid_lng))
        for k in kelurahan.values()
        if k.centroid_lat is not None
    ]


def _puskesmas_rows(data_dir: Path, kecamatan: dict, kelurahan: dict[str, Kelurahan]) -> dict[str, dict]:
    records = _read_csv("puskesmas.csv", data_dir)
    sites = [
        geo.PuskesmasSite(
            code=slugify(r["name"]),
            name=r["name"],
            kecamatan_code=r["kecamatan_code"],
            address_kelurahan_code=r["location_kelurahan_code"] or None,
            is_active=r["status"] not in INACTIVE_STATUSES,
        )
        for r in records
    ]
    placements = geo.place_puskesmas(sites, _sites(kelurahan))
    rows = {}
    for site, record in zip(sites, records, strict=True):
        place = kelurahan[placements[site.code].kelurahan_code]
        basis = LOCATION_BASIS[placements[site.code].basis]
        rows[site.code] = {
            "name": site.name,
            "kecamatan": kecamatan[site.kecamatan_code],
            "address_kelurahan": kelurahan.get(site.address_kelurahan_code or ""),
            "lat": place.centroid_lat,
            "lng": place.centroid_lng,
            "location_is_estimated": True,
            "is_active": site.is_active,
            "notes": f"Lokasi perkiraan: {basis} ({place.name}); alamat belum diverifikasi. "
            f"Sumber: {STATUS_TEXT[record['status']]}.",
        }
    return rows


def _create_provisional_service_areas(
    kelurahan: dict[str, Kelurahan], puskesmas: dict[str, Puskesmas], kecamatan_codes: dict[int, str]
) -> int:
    """Gives every kelurahan that has no working-area row yet to its nearest active puskesmas."""
    covered = set(ServiceArea.objects.values_list("kelurahan__code", flat=True))
    missing = {code: k for code, k in kelurahan.items() if code not in covered}
    if not missing:
        return 0
    sites = [
        geo.PuskesmasSite(p.code, p.name, kecamatan_codes[p.kecamatan_id], None, p.is_active)
        for p in puskesmas.values()
        if p.lat is not None
    ]
    positions = {p.code: (p.lat, p.lng) for p in puskesmas.values() if p.lat is not None}
    assignment = geo.nearest_puskesmas(_sites(missing), sites, positions)
    ServiceArea.objects.bulk_create(
        ServiceArea(
            kelurahan=missing[kel_code],
            puskesmas=puskesmas[pkm_code],
            valid_from=PROVISIONAL_VALID_FROM,
            is_provisional=True,
        )
        for kel_code, pkm_code in assignment.items()
    )
    return len(assignment)
