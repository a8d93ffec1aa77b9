"""`make bench`: the portal's measured figures, each as a ratio against a baseline of the same run.

Runs against a throw-away database (test_<name>) on the same PostgreSQL server, with the real
Semarang regions and seeded demo targets, through Django's full middleware stack in-process.
"""

import os
import random
import sys
import time

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "healthportal.settings")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    from accounts.demo import seed_users
    from accounts.models import User
    from bench import blokosuto, reports_dashboards, reports_entry, reports_import, riskmap
    from bench.harness import measure, report
    from regions.demo import seed_populations
    from regions.loading import load_semarang

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        load_semarang()
        first_load = time.perf_counter() - started
        seed_populations(random.Random(1))
        user = User.objects.create_user("bench", is_staff=True, is_superuser=True)
        client = Client()
        client.force_login(user)

        with override_settings(ROOT_URLCONF="bench.urls"):
            baseline = measure("minimal view (same middleware)", lambda: client.get("/bench/minimal"))
            raw = measure("map data, raw SQL view", lambda: client.get("/bench/raw-map"), runs=100)
            orm = measure("map data /wilayah/peta.geojson", lambda: client.get("/wilayah/peta.geojson"), runs=100)
            page = measure("regions page /wilayah/ (177 rows)", lambda: client.get("/wilayah/"), runs=100)
            home = measure("city home page /", lambda: client.get("/"), runs=100)
            report("Pages (in-process, p50/p95 over repeated requests)", [baseline, page, home], baseline)
            report("Map data against the raw-SQL view of the same rows", [raw, orm], raw)
            seed_users(random.Random(1), "bench-password")
            reports_entry.run(Client(), baseline)
            reports_import.run()  # before the dashboards, which seed 24 months of demo reports
            reports_dashboards.run(client)
            blokosuto.run(client, baseline)
            reload = measure("load_semarang, second run (nothing changes)", load_semarang, runs=5, warmup=1)
            print(f"\nload_semarang: first run {first_load * 1000:.0f} ms; idempotent rerun p50 {reload.p50:.0f} ms")
            riskmap.run(client)  # last: its scale run adds 83,000 synthetic kelurahan
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print("\nbench: done")


if __name__ == "__main__":
    sys.exit(main())
