"""The access ladder of every URL: anonymous, each role, a head on her own and on another puskesmas."""

import re

import pytest
from django.http import Http404
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.access import can_use_admin, get_puskesmas_for_user, own_puskesmas, puskesmas_for_user, sees_whole_city
from regions.models import Puskesmas

pytestmark = pytest.mark.django_db

# A sample value for each URL parameter, by its name (a kelurahan code where `code` means one).
SAMPLES = {"code": "puskesmas-miroto", "period": "2025-09", "kelurahan": "33.74.01.1001", "element": "LAHIR_HIDUP"}
# BLOKOSUTO: a class code and object ids (anonymous users are sent to login before any lookup).
SAMPLES |= {"class_code": "cemerlang", "session": "1", "material": "1", "practice": "1", "evidence": "1"}
SAMPLES |= {"replication": "1", "award": "1"}
KELURAHAN_CODE_URLS = {"regions:kelurahan"}
PUBLIC = {"login", "healthz", "set_language"}


def project_urls(patterns=None, namespace=""):
    """(name, parameter names) of every named URL of the project outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            yield from project_urls(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern))


def project_url_names():
    return [name for name, _ in project_urls()]


def url_for(name: str) -> str:
    parameters = dict(project_urls())[name]
    kwargs = {key: SAMPLES[key] for key in parameters}
    if name in KELURAHAN_CODE_URLS:
        kwargs["code"] = SAMPLES["kelurahan"]
    return reverse(name, kwargs=kwargs)


def test_the_crawl_finds_the_pages():
    names = set(project_url_names())
    assert {"home", "regions:index", "regions:kelurahan", "regions:map_data", "password_change"} <= names


@pytest.mark.parametrize("name", sorted(set(project_url_names()) - PUBLIC))
def test_anonymous_is_sent_to_login(client, semarang, name):
    url = url_for(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("name", sorted(PUBLIC - {"set_language"}))
def test_public_pages_answer_anonymous(client, name):
    assert client.get(reverse(name)).status_code == 200


READ_PAGES = ["home", "regions:index", "regions:map_data", "regions:kelurahan", "regions:puskesmas", "password_change"]


@pytest.mark.parametrize("persona", ["admin", "staf", "pimpinan", "fasilitator", "head_a", "head_b", "no_role"])
@pytest.mark.parametrize("name", READ_PAGES)
def test_every_role_reads_the_shared_pages(client, personas, persona, name):
    client.force_login(personas[persona])
    assert client.get(url_for(name)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("admin", True),
        ("staf", True),
        ("pimpinan", False),
        ("fasilitator", False),
        ("head_a", False),
        ("no_role", False),
    ],
)
def test_admin_site_ladder(client, personas, persona, allowed):
    client.force_login(personas[persona])
    response = client.get(reverse("admin:index"))
    assert response.status_code == (200 if allowed else 302)
    assert can_use_admin(personas[persona]) is allowed


def test_logout_needs_post(client, personas):
    client.force_login(personas["staf"])
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize(
    ("persona", "sees_city"),
    [
        ("admin", True),
        ("staf", True),
        ("pimpinan", True),
        ("fasilitator", False),
        ("head_a", False),
        ("no_role", False),
    ],
)
def test_who_sees_the_whole_city(personas, persona, sees_city):
    user = personas[persona]
    assert sees_whole_city(user) is sees_city
    assert (puskesmas_for_user(user).count() == Puskesmas.objects.count()) is sees_city


def test_head_reaches_only_her_own_puskesmas(personas, miroto, poncol):
    head = personas["head_a"]
    assert own_puskesmas(head) == miroto
    assert list(puskesmas_for_user(head)) == [miroto]
    assert get_puskesmas_for_user(head, miroto.code) == miroto
    with pytest.raises(Http404):
        get_puskesmas_for_user(head, poncol.code)


def test_inactive_head_reaches_nothing(personas):
    head = personas["head_a"]
    head.is_active = False
    assert own_puskesmas(head) is None
    assert not puskesmas_for_user(head).exists()


def test_puskesmas_without_a_head_role_is_ignored(personas, miroto):
    user = personas["fasilitator"]
    user.puskesmas = miroto
    assert own_puskesmas(user) is None
