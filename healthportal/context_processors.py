from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.access import can_use_admin


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str | None  # None: the section is not built yet, shown disabled
    active: bool


# (label, URL name, path prefix that marks the item active)
SECTIONS = [
    (_("Home"), "home", None),
    (_("Monthly reports"), "reports:index", "/laporan/"),
    (_("Risk map"), "riskmap:index", "/peta-risiko/"),
    (_("Programs"), "programs:index", "/program/"),
    ("BLOKOSUTO", "blokosuto:index", "/blokosuto/"),
    (_("Regions"), "regions:index", "/wilayah/"),
]


def navigation(request: HttpRequest) -> dict:
    """The navbar: every section, linked once its app serves pages; Admin for those allowed."""
    if not request.user.is_authenticated:
        return {}
    items = []
    for label, url_name, prefix in SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        active = request.path == "/" if prefix is None else request.path.startswith(prefix)
        items.append(NavItem(label, url, active))
    return {"nav_items": items, "show_admin_link": can_use_admin(request.user)}
