"""Shared fixtures: Semarang's reference data in the test database, and the personas.

Personas: admin (Admin Dinkes, superuser), staf (Staf Dinkes, admin access), pimpinan,
fasilitator, two Kepala Puskesmas of different puskesmas (Miroto, Poncol), a user with no role.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import RunPython

from accounts.roles import Role
from regions.models import Kelurahan, Puskesmas
from tests.factory import make_user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2's 1.5 million rounds are the point in production and a waste in tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Loads the real regions once per run; tests roll back around them."""
    with django_db_blocker.unblock():
        call_command("load_semarang", verbosity=0)


PROJECT_APPS = {"accounts", "regions", "programs", "reports", "riskmap", "blokosuto"}


def replay_data_migrations() -> None:
    """Runs every data migration again (roles, catalogue, rules, risk model, classes), in migration
    order: a transactional test's flush empties the tables they filled."""
    executor = MigrationExecutor(connection)
    for migration, _backwards in executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True):
        if migration.app_label not in PROJECT_APPS:
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


@pytest.fixture
def semarang(db):
    """The reference data, the roles and the catalogue, made again when a transactional (browser)
    test flushed them."""
    if not Group.objects.exists():
        replay_data_migrations()
    if not Kelurahan.objects.exists():
        call_command("load_semarang", verbosity=0)


@pytest.fixture
def miroto(semarang) -> Puskesmas:
    return Puskesmas.objects.get(code="puskesmas-miroto")


@pytest.fixture
def poncol(semarang) -> Puskesmas:
    return Puskesmas.objects.get(code="puskesmas-poncol")


@pytest.fixture
def personas(semarang, miroto, poncol) -> dict:
    return {
        "admin": make_user("admin", Role.ADMIN_DINKES, is_staff=True, is_superuser=True),
        "staf": make_user("staf", Role.STAF_DINKES, is_staff=True),
        "pimpinan": make_user("pimpinan", Role.PIMPINAN),
        "fasilitator": make_user("fasilitator", Role.FASILITATOR),
        "head_a": make_user("kepala-miroto", Role.KEPALA_PUSKESMAS, puskesmas=miroto),
        "head_b": make_user("kepala-poncol", Role.KEPALA_PUSKESMAS, puskesmas=poncol),
        "no_role": make_user("tamu"),
    }
