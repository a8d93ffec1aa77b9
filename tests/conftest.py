"""Shared fixtures: Semarang's reference data in the test database, and the personas.

Personas: admin (Admin Dinkes, superuser), staf (Staf Dinkes, admin access), pimpinan,
fasilitator, two Kepala Puskesmas of different puskesmas (Miroto, Poncol), a user with no role.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

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


@pytest.fixture
def semarang(db):
    """The reference data and the roles, made again when a transactional (browser) test flushed them."""
    if not Group.objects.exists():
        import_module("accounts.migrations.0002_roles").create_roles(apps, schema_editor=None)
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
