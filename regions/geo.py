"""Where the puskesmas stand and which kelurahan each one serves, until Dinkes says otherwise.

No public source gives the working area (wilayah kerja) of Semarang's puskesmas, nor their exact
positions. The loader therefore places each puskesmas at the centre of a kelurahan and gives every
kelurahan to the nearest active puskesmas of its own kecamatan. Pure functions: no Django here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]  # (lat, lng) in degrees


@dataclass(frozen=True)
class KelurahanSite:
    code: str
    name: str
    kecamatan_code: str
    centre: Point


@dataclass(frozen=True)
class PuskesmasSite:
    code: str
    name: str
    kecamatan_code: str
    address_kelurahan_code: str | None
    is_active: bool

    @property
    def short_name(self) -> str:
        return self.name.removeprefix("Puskesmas ").strip()


@dataclass(frozen=True)
class Placement:
    kelurahan_code: str
    basis: str  # "address", "name" or "farthest": how the kelurahan was chosen


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_puskesmas(puskesmas: list[PuskesmasSite], kelurahan: list[KelurahanSite]) -> dict[str, Placement]:
    """The kelurahan whose centre stands for each puskesmas's position.

    In order of trust: the kelurahan of its public address, unless another puskesmas shares that
    address; the kelurahan of its kecamatan that bears its name; a shared address; and for a
    puskesmas with no address, the kelurahan of its kecamatan farthest from the puskesmas already
    placed there (the part of the kecamatan that would otherwise be served from farthest away).
    """
    by_name = {(k.kecamatan_code, k.name.casefold()): k.code for k in kelurahan}
    address_count: dict[str, int] = {}
    for p in puskesmas:
        if p.address_kelurahan_code:
            address_count[p.address_kelurahan_code] = address_count.get(p.address_kelurahan_code, 0) + 1

    placed: dict[str, Placement] = {}
    unplaced: list[PuskesmasSite] = []
    for p in puskesmas:
        address = p.address_kelurahan_code
        named = by_name.get((p.kecamatan_code, p.short_name.casefold()))
        if address and address_count[address] == 1:
            placed[p.code] = Placement(address, "address")
        elif named:
            placed[p.code] = Placement(named, "name")
        elif address:
            placed[p.code] = Placement(address, "address")
        else:
            unplaced.append(p)

    centres = {k.code: k.centre for k in kelurahan}
    kecamatan_of = {p.code: p.kecamatan_code for p in puskesmas}
    for p in sorted(unplaced, key=lambda p: p.name):
        candidates = [k for k in kelurahan if k.kecamatan_code == p.kecamatan_code]
        taken = [
            centres[placement.kelurahan_code]
            for code, placement in placed.items()
            if kecamatan_of[code] == p.kecamatan_code
        ]
        if taken:
            best = max(candidates, key=lambda k: (min(distance_km(k.centre, t) for t in taken), k.code))
        else:
            best = min(candidates, key=lambda k: k.code)
        placed[p.code] = Placement(best.code, "farthest")
    return placed


def nearest_puskesmas(
    kelurahan: list[KelurahanSite], puskesmas: list[PuskesmasSite], positions: dict[str, Point]
) -> dict[str, str]:
    """Each kelurahan's nearest active puskesmas within its own kecamatan (kelurahan code -> puskesmas code).

    A kecamatan without an active puskesmas leaves its kelurahan out of the result.
    Ties go to the puskesmas with the smaller code, so the result never depends on input order.
    """
    active_by_kecamatan: dict[str, list[PuskesmasSite]] = {}
    for p in puskesmas:
        if p.is_active and p.code in positions:
            active_by_kecamatan.setdefault(p.kecamatan_code, []).append(p)
    assignment = {}
    for k in kelurahan:
        options = active_by_kecamatan.get(k.kecamatan_code)
        if options:
            best = min(options, key=lambda p: (distance_km(k.centre, positions[p.code]), p.code))
            assignment[k.code] = best.code
    return assignment
