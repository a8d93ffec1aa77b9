"""Plain builders for test data (after djangoproject.com's checklists/tests/factory.py)."""

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from regions.models import Puskesmas

PASSWORD = "uji-coba-rahasia-123"


def make_user(username: str, role: Role | None = None, *, puskesmas: Puskesmas | None = None, **flags) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, puskesmas=puskesmas, **flags)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
