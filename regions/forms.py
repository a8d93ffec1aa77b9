from django import forms
from django.utils.translation import gettext_lazy as _


class RegionSearchForm(forms.Form):
    """The query string of the regions page: a free-text search over kecamatan, kelurahan, puskesmas."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100, strip=True)
