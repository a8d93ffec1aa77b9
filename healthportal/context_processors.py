from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.access import can_use_admin


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    active: bool


# (label, URL name, path prefix that marks the item active)
SECTIONS = [
    (_("Home"), "home", None),
    (_("Monthly reports"), "reports:index", "/laporan/"),
    (_("Risk map"), "riskmap:index", "/riskmap/"),
    (_("Programs"), "programs:index", "/program/"),
    ("BLOKOSUTO", "blokosuto:index", "/blokosuto/"),
    (_("Regions"), "regions:index", "/wilayah/"),
]


def navigation(request: HttpRequest) -> dict:
    """The navbar: every section, the current one marked; Admin for those allowed."""
    if not request.user.is_authenticated:
        return {}
    items = [
        NavItem(label, reverse(url_name), request.path == "/" if prefix is None else request.path.startswith(prefix))
        for label, url_name, prefix in SECTIONS
    ]
    return {"nav_items": items, "show_admin_link": can_use_admin(request.user)}
