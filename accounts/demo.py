"""Demo users, one per role and one Kepala Puskesmas per active puskesmas, all marked as demo."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from regions.models import Puskesmas

DEMO_EMAIL_DOMAIN = "demo.invalid"
FIRST_NAMES = ["Siti", "Dewi", "Rina", "Sri", "Yuli", "Endang", "Ratna", "Wahyu", "Agus", "Budi", "Eko", "Nur"]
LAST_NAMES = ["Rahayu", "Lestari", "Wulandari", "Susanti", "Hidayat", "Santoso", "Pratiwi", "Kurniawan"]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    puskesmas: str = ""


def upsert_demo_user(username: str, role: Role, password: str, **fields) -> User:
    """Creates or resets one demo user with `role` (other apps' demo data adds theirs too)."""
    user, _ = User.objects.update_or_create(
        username=username, defaults={"email": f"{username}@{DEMO_EMAIL_DOMAIN}", "is_active": True, **fields}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    user.groups.set([Group.objects.get(name=role)])
    return user


def seed_users(rng: random.Random, password: str) -> int:
    """Creates or resets the demo users; returns how many."""
    count = 0
    staff = [
        ("admin", Role.ADMIN_DINKES, {"is_staff": True, "is_superuser": True}),
        ("staf", Role.STAF_DINKES, {"is_staff": True}),
        ("pimpinan", Role.PIMPINAN, {}),
        ("fasilitator", Role.FASILITATOR, {}),
    ]
    for username, role, flags in staff:
        upsert_demo_user(username, role, password, first_name=username.capitalize(), last_name="(demo)", **flags)
        count += 1
    for puskesmas in Puskesmas.objects.active().order_by("code"):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        upsert_demo_user(
            puskesmas.code,
            Role.KEPALA_PUSKESMAS,
            password,
            first_name=f"dr. {name}",
            last_name="(demo)",
            puskesmas=puskesmas,
        )
        count += 1
    return count


def demo_logins() -> list[DemoLogin]:
    """The demo accounts in the database: Dinkes roles first, then the puskesmas heads."""
    users = (
        User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        .select_related("puskesmas")
        .prefetch_related("groups")
        .order_by("puskesmas__code", "pk")
    )
    return [
        DemoLogin(u.username, ", ".join(g.name for g in u.groups.all()), u.puskesmas.name if u.puskesmas else "")
        for u in users
    ]


def demo_data_present() -> bool:
    return User.objects.filter(username="admin", email__endswith=DEMO_EMAIL_DOMAIN).exists()
