import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import demo_data_present, demo_logins, seed_users
from blokosuto.demo import demo_blokosuto_present, seed_blokosuto
from regions.demo import seed_populations
from reports.demo import MONTHS, demo_reports, seed_reports
from riskmap.forms import latest_model
from riskmap.queries import current_runs, reported_months

RISK_MONTHS = 12


class Command(BaseCommand):
    help = (
        "Fills the database with deterministic demo data, marked as demo: users for every role, "
        f"target populations, {MONTHS} months of monthly reports, BLOKOSUTO classes with sessions, practices, "
        "reviews and replications, and the risk map of the last months. Every demo user's password is DEMO_PASSWORD."
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
        if if_empty and demo_blokosuto_present():
            self.stdout.write("seed_demo: demo BLOKOSUTO practices already present, left as they are.")
        else:
            with transaction.atomic():
                self.stdout.write(f"seed_demo: {seed_blokosuto(random.Random(seed))}")
        self.compute_risk()
        self.print_logins()

    def compute_risk(self) -> None:
        """The risk map of the last 12 reported months, so that the map and its trends open at once."""
        model, months = latest_model(), sorted(reported_months(limit=RISK_MONTHS))
        if model and months:
            started = time.perf_counter()
            runs = current_runs(model=model, periods=months)
            seconds = time.perf_counter() - started
            self.stdout.write(f"seed_demo: risk map of {len(runs)} months ({seconds:.1f} s).")

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
