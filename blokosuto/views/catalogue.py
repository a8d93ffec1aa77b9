"""The catalogue of published practices: full-text search in Bahasa Indonesia and filters."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from blokosuto import queries
from blokosuto.access import require_blokosuto
from blokosuto.forms import CatalogueForm


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    require_blokosuto(request.user)
    form = CatalogueForm(request.GET)
    filters = form.filters()
    page_number = form.cleaned_data.get("page") if form.is_valid() else None
    page = queries.catalogue(filters=filters, page_number=page_number or 1)
    others = request.GET.copy()
    others.pop("page", None)
    context = {"form": form, "page": page, "filtered": bool(filters), "query_string": others.urlencode()}
    return render(request, "blokosuto/catalogue.html", context)
