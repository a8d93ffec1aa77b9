"""BLOKOSUTO fixtures: the nine classes, facilitators, uploads kept in a temporary MEDIA_ROOT."""

from types import SimpleNamespace

import pytest

from accounts.roles import Role
from blokosuto.models import ThematicClass
from tests.factory import make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def classes(semarang) -> dict[str, ThematicClass]:
    """The nine classes of migration 0002_classes (made again by `semarang` after a flush)."""
    return {c.code: c for c in ThematicClass.objects.all()}


@pytest.fixture
def people(personas, classes) -> SimpleNamespace:
    """Three facilitators of CEMERLANG (gizi), one of KASIH, and the personas."""
    first, second = personas["fasilitator"], make_user("fasilitator-dua", Role.FASILITATOR)
    third, other = make_user("fasilitator-tiga", Role.FASILITATOR), make_user("fasilitator-kasih", Role.FASILITATOR)
    classes["cemerlang"].facilitators.add(first, second, third)
    classes["kasih"].facilitators.add(other)
    return SimpleNamespace(**personas, fac1=first, fac2=second, fac3=third, fac_other=other)
