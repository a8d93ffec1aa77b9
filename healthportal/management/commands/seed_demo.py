import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import demo_data_present, demo_logins, seed_users
from regions.demo import seed_populations
from reports.demo import MONTHS, demo_reports, seed_reports


class Command(BaseCommand):
    help = (
        "Fills the database with deterministic demo data, marked as demo: users for every role, "
        f"target populations and {MONTHS} months of monthly reports. Every demo user's password is DEMO_PASSWORD."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--if-empty", action="store_true", help="Leave existing demo data as it is.")

    def handle(self, *args, seed: int, if_empty: bool, **options) -> None:
        if if_empty and demo_data_present():
            self.stdout.write("seed_demo: demo data already present, left as it is.")
        else:
            rng = random.Random(seed)
            with transaction.atomic():
                users = seed_users(rng, settings.DEMO_PASSWORD)
                populations = seed_populations(rng)
            self.stdout.write(f"seed_demo: {users} demo users, {populations} target population rows (seed {seed}).")
        if if_empty and demo_reports().exists():
            self.stdout.write("seed_demo: demo monthly reports already present, left as they are.")
        else:
            started = time.perf_counter()
            with transaction.atomic():
                reports, values = seed_reports(random.Random(seed))
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"seed_demo: {reports} demo monthly reports with {values} values ({MONTHS} months, {seconds:.1f} s)."
            )
        self.print_logins()

    def print_logins(self) -> None:
        logins = demo_logins()
        heads = [login for login in logins if login.puskesmas]
        self.stdout.write(f"\nDemo logins, password '{settings.DEMO_PASSWORD}' (DEMO_PASSWORD when seeded):")
        for login in logins:
            if not login.puskesmas:
                self.stdout.write(f"  {login.username:<26} {login.role}")
        if heads:
            examples = ", ".join(login.username for login in heads[:2])
            self.stdout.write(f"  {len(heads)} Kepala Puskesmas accounts named after their puskesmas, e.g. {examples}")
